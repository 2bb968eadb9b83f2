namespace OfficeBot.Domain.Matters;

public enum MatterStatus
{
    Registered,
    InProgress,
    AwaitingReview,
    Completed,
    Cancelled,
    Archived,
}

public enum MatterSource
{
    Self,
    Leader,
    UpperOffice,
    Department,

    /// <summary>A decision taken in a meeting approved through OfficeBot (<see cref="MatterState.Meeting"/> names it).</summary>
    Meeting,
}

public enum Urgency
{
    Normal,
    Urgent,
    ExtraUrgent,
}

public enum CoHandlingState
{
    Requested,
    Accepted,
    Declined,
    OpinionGiven,
    Done,
}

public enum TrafficLight
{
    Green,
    Yellow,
    Red,
    /// <summary>The matter is closed; no light applies.</summary>
    None,
}

public static class MatterStatusExtensions
{
    public static bool IsClosed(this MatterStatus status) =>
        status is MatterStatus.Completed or MatterStatus.Cancelled or MatterStatus.Archived;
}
