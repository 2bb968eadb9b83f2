using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Localization;
using OfficeBot.Application.Messaging;
using OfficeBot.Application.Office;
using OfficeBot.Application.Outbox;
using OfficeBot.Application.People;
using OfficeBot.Cards.Builders;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Reports;

/// <summary>
/// The supervision report pushed every working morning (SPEC §6): one outbox item per tenant and day (see
/// <see cref="ReportSchedule"/>). Its steps: plan the next morning's item first (so a report that cannot be delivered
/// never ends the chain), then the report card to each director in their own language, then to the report channel.
/// The report is counted once and drawn once per language. A report that comes due only after its day is over (the bot was down) is
/// not sent: yesterday's figures are no news, and today's report follows at its time.
/// </summary>
public sealed partial class MorningReport(
    ReportService reports,
    ReportSchedule schedule,
    OutboxStore outbox,
    IMessenger messenger,
    PersonalDelivery delivery,
    PeopleStore people,
    OfficeTime time,
    IOptionsMonitor<OfficeOptions> office,
    ILogger<MorningReport> logger) : IOutboxHandler
{
    public string Kind => OutboxKinds.Report;

    public async Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken)
    {
        var day = ReportSchedule.DayOf(item);
        await progress.PlanNextAsync(outbox, item.TenantId, token => schedule.EnsureAfterAsync(item.TenantId, day, token), cancellationToken);

        if (!schedule.Pushed)
        {
            LogTurnedOff(item.TenantId, item.Id);
            return;
        }

        if (DateOnly.FromDateTime(time.LocalNow.DateTime) != day)
        {
            LogStale(item.TenantId, item.Id);
            return;
        }

        var settings = office.CurrentValue;
        var officeLanguage = Languages.FromLocale(settings.DefaultLocale);
        // The figures are counted once (the open index and the week's statistics are the costly part); only the words
        // differ between the directors' languages.
        ReportView? counted = null;
        var built = new Dictionary<Language, Reply>();
        async Task<Reply> ReportIn(Language language, CancellationToken token)
        {
            if (!built.TryGetValue(language, out var reply))
            {
                counted ??= await reports.OfficeAsync(item.TenantId, language, token);
                var view = counted with { Heading = new Messages(language).ReportHeading(wholeOffice: true) };
                built[language] = reply = new Reply($"{view.Heading} ({view.OpenCount})", ReportCard.Build(view, language));
            }

            return reply;
        }

        foreach (var director in settings.Directors.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await progress.StepAsync($"d|{director}", token => delivery.SendAsync(item.TenantId, new Person(director, director), (to, t) => ReportIn(to.Language, t), token),
                cancellationToken);
        }

        var unknownHeads = await UnknownHeadsAsync(item.TenantId, settings, cancellationToken);
        if (unknownHeads.Count > 0)
        {
            foreach (var director in settings.Directors.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                await progress.StepAsync($"h|{director}", token => delivery.SendAsync(item.TenantId, new Person(director, director), (to, _) =>
                {
                    var text = new Messages(to.Language).UnknownHeads(string.Join(to.Language == Language.English ? ", " : "、", unknownHeads));
                    return Task.FromResult(new Reply(text, NoticeCard.Build(to.Language, text)));
                }, token), cancellationToken);
            }
        }

        if (settings.ReportChannel?.Trim() is { Length: > 0 } channel)
        {
            await progress.StepAsync($"c|{channel}", async token =>
            {
                var posted = (await messenger.SendToConversationAsync(item.TenantId, channel, await ReportIn(officeLanguage, token), token)).Delivery;
                if (posted != Delivery.Delivered)
                {
                    LogChannelUnreachable(item.TenantId, channel, posted);
                }
            }, cancellationToken);
        }
    }

    /// <summary>Heads named only as heads (see <see cref="DepartmentOptions.UnlistedHeads"/>) whom the bot has never met, as <c>秘書處 (id)</c>.</summary>
    private async Task<List<string>> UnknownHeadsAsync(string tenantId, OfficeOptions settings, CancellationToken cancellationToken)
    {
        var unknown = new List<string>();
        foreach (var (_, department, head) in DepartmentOptions.UnlistedHeads(settings))
        {
            if (await people.FindAsync(tenantId, head, cancellationToken) is null)
            {
                unknown.Add($"{department} ({head})");
            }
        }

        return unknown;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Morning report {ItemId} of {TenantId} not sent: the push is turned off (Office:Report:Push)")]
    private partial void LogTurnedOff(string tenantId, string itemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Morning report {ItemId} of {TenantId} came due only after its day; not sent")]
    private partial void LogStale(string tenantId, string itemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot post the morning report of {TenantId} in {ConversationId} (Office:ReportChannel): {Delivery}; the bot must be in that channel's team and have been spoken to there")]
    private partial void LogChannelUnreachable(string tenantId, string conversationId, Delivery delivery);
}
