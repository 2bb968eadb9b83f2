using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Reports;
using OfficeBot.Cards.Builders;
using OfficeBot.Commands;

namespace OfficeBot.Application.Commands.Handlers;

/// <summary>假日: the coming days off and make-up working days of the office calendar.</summary>
public sealed class HolidaysHandler(OfficeTime time) : CommandHandler<HolidaysCommand>
{
    /// <summary>How far ahead it looks: long enough to cover the next long holiday and its make-up days.</summary>
    public const int AheadDays = 60;

    protected override Task<Reply> HandleAsync(HolidaysCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.LocalNow.DateTime);
        var days = time.Calendar.SpecialDays(today, today.AddDays(AheadDays - 1));
        var heading = turn.Say.HolidaysHeading(AheadDays);
        var card = HolidaysCard.Build(heading, days, turn.Language, turn.Say.HolidaysEmpty(AheadDays));
        return Task.FromResult(new Reply($"{heading} ({HolidaysCard.Runs(days).Count})", card));
    }
}

/// <summary>通報: directors and leaders see the whole office, as they do for 逾期 and 待審核; anyone else their own matters.</summary>
public sealed class ReportHandler(ReportService reports) : CommandHandler<ReportCommand>
{
    protected override async Task<Reply> HandleAsync(ReportCommand command, Turn turn, CancellationToken cancellationToken)
    {
        var report = await reports.ForAsync(turn.TenantId, turn.Actor, turn.Language, cancellationToken);
        return new Reply($"{report.Heading} ({report.OpenCount})", ReportCard.Build(report, turn.Language));
    }
}

/// <summary>幫助, and what is not a command: the help card.</summary>
public sealed class HelpHandler : CommandHandler<HelpCommand>
{
    public static Reply Help(Turn turn) => new(turn.Say.FormOf(CommandVerb.Help), HelpCard.Build(turn.Language));

    protected override Task<Reply> HandleAsync(HelpCommand command, Turn turn, CancellationToken cancellationToken) => Task.FromResult(Help(turn));
}
