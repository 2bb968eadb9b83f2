namespace OfficeBot.Domain.Meetings;

/// <summary>
/// One event on a leader's calendar or one room booking, as a calendar source read it.
/// An all-day event arrives as office-local midnight to the midnight after its last day (as iCalendar writes it) and
/// blocks that whole span; it is not a meeting, so it does not count towards a leader's daily load.
/// </summary>
/// <param name="Busy">False for events shown as free/transparent: they never block anything.</param>
/// <param name="Private">The title must not be shown; conflicts say <see cref="Conflict.PrivateTitle"/> instead.</param>
public sealed record BusyEvent(
    string Id,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Source,
    string? Room = null,
    bool Busy = true,
    bool Private = false,
    bool AllDay = false);
