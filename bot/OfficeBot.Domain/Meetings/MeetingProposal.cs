namespace OfficeBot.Domain.Meetings;

/// <summary>
/// A meeting a department asks for: checked when it is requested, and again (with the same <see cref="Id"/>) whenever
/// a calendar changes. Events and requests carrying the same id are the meeting itself and never collide with it.
/// Pending requests of other departments are proposals too.
/// </summary>
public sealed record MeetingProposal(
    string Id,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Leaders,
    string Department,
    string? Room = null);
