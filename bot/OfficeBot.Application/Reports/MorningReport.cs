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
    PeopleStore people,
    OfficeTime time,
    IOptionsMonitor<OfficeOptions> office,
    ILogger<MorningReport> logger) : IOutboxHandler
{
    public string Kind => OutboxKinds.Report;

    public async Task HandleAsync(OutboxItem item, IOutboxProgress progress, CancellationToken cancellationToken)
    {
        var day = ReportSchedule.DayOf(item);
        await progress.StepAsync("next", async token =>
        {
            if (await schedule.EnsureAfterAsync(item.TenantId, day, token) is { } next)
            {
                await outbox.AnnounceAsync(item.TenantId, next, token);
            }
        }, cancellationToken);

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
            await progress.StepAsync($"d|{director}", async token =>
            {
                var known = await people.FindAsync(item.TenantId, director, token);
                var reply = await ReportIn(Languages.FromLocale(known?.Locale, officeLanguage), token);
                var result = await messenger.SendToPersonAsync(item.TenantId, director, reply, token);
                if (result.Delivery != Delivery.Delivered)
                {
                    // Recorded on the person, as for any notice; the other directors still get theirs.
                    LogDirectorUnreachable(item.TenantId, director, result.Delivery);
                    await people.MarkUnreachableAsync(item.TenantId, known ?? new KnownPerson(director, director, null), result.Delivery.ToString(), time.Now, token);
                }
            }, cancellationToken);
        }

        var unknownHeads = await UnknownHeadsAsync(item.TenantId, settings, cancellationToken);
        if (unknownHeads.Count > 0)
        {
            foreach (var director in settings.Directors.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                await progress.StepAsync($"h|{director}", async token =>
                {
                    var known = await people.FindAsync(item.TenantId, director, token);
                    var language = Languages.FromLocale(known?.Locale, officeLanguage);
                    var text = new Messages(language).UnknownHeads(string.Join(language == Language.English ? ", " : "、", unknownHeads));
                    await messenger.SendToPersonAsync(item.TenantId, director, new Reply(text, NoticeCard.Build(language, text)), token);
                }, cancellationToken);
            }
        }

        if (settings.ReportChannel?.Trim() is { Length: > 0 } channel)
        {
            await progress.StepAsync($"c|{channel}", async token =>
            {
                var delivery = (await messenger.SendToConversationAsync(item.TenantId, channel, await ReportIn(officeLanguage, token), token)).Delivery;
                if (delivery != Delivery.Delivered)
                {
                    LogChannelUnreachable(item.TenantId, channel, delivery);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach director {ObjectId} of {TenantId} with the morning report: {Delivery}")]
    private partial void LogDirectorUnreachable(string tenantId, string objectId, Delivery delivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot post the morning report of {TenantId} in {ConversationId} (Office:ReportChannel): {Delivery}; the bot must be in that channel's team and have been spoken to there")]
    private partial void LogChannelUnreachable(string tenantId, string conversationId, Delivery delivery);
}
