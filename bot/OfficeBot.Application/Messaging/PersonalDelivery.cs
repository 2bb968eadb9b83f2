using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Office;
using OfficeBot.Application.People;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Messaging;

/// <summary>Whom a proactive message is drawn for: the person, what OfficeBot knows of them, and the language they read.</summary>
public sealed record Recipient(Person Person, KnownPerson? Known, Language Language);

/// <summary>
/// One proactive message to one person, the same way for every sender (notices, reminders, reports, meeting cards): in
/// the language the person was last answered in (else the office's), to their personal chat; a card of a matter or a
/// meeting is recorded so it can be updated in place (best effort: Teams has it, so failing now would send it twice);
/// a person Teams says is gone, or who cannot be reached, is marked so on their row for the directors to see.
/// </summary>
public sealed partial class PersonalDelivery(IMessenger messenger, PeopleStore people, SentCardStore sentCards, OfficeTime time, IOptionsMonitor<OfficeOptions> office,
    ILogger<PersonalDelivery> logger)
{
    /// <param name="tenantId">The tenant.</param>
    /// <param name="person">Who gets it.</param>
    /// <param name="draw">The message as that person reads it.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public async Task<Delivery> SendAsync(string tenantId, Person person, Func<Recipient, CancellationToken, Task<Reply>> draw, CancellationToken cancellationToken)
    {
        var known = await people.FindAsync(tenantId, person.ObjectId, cancellationToken);
        var language = Languages.FromLocale(known?.Locale, Languages.FromLocale(office.CurrentValue.DefaultLocale));
        var reply = await draw(new Recipient(known?.Person ?? person, known, language), cancellationToken);
        var result = await messenger.SendToPersonAsync(tenantId, person.ObjectId, reply, cancellationToken);
        if (result.Delivery != Delivery.Delivered)
        {
            // Recorded on the person for the director to see; whoever else the sender has to tell is not held up.
            LogUnreachable(tenantId, person.ObjectId, result.Delivery);
            await people.MarkUnreachableAsync(tenantId, known ?? new KnownPerson(person.ObjectId, person.DisplayName, null), result.Delivery.ToString(), time.Now, cancellationToken);
            return result.Delivery;
        }

        if (result.Card is { } card)
        {
            try
            {
                await sentCards.RecordAsync(card with { ViewerObjectId = person.ObjectId, Locale = known?.Locale }, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCardNotRecorded(e, tenantId, person.ObjectId);
            }
        }

        return result.Delivery;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach {ObjectId} of {TenantId}: {Delivery}")]
    private partial void LogUnreachable(string tenantId, string objectId, Delivery delivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card sent to {ObjectId} of {TenantId} could not be recorded; it will not be updated in place")]
    private partial void LogCardNotRecorded(Exception exception, string tenantId, string objectId);
}
