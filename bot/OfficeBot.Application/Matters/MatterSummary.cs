using OfficeBot.Domain.Matters;

namespace OfficeBot.Application.Matters;

/// <summary>What a list shows of a matter; kept in the index rows so a list is one range query, not one read per matter.</summary>
public sealed record MatterSummary(int Number, string Title, MatterStatus Status, DueDate? Due, string? LeadName, string? LeadId, bool HasPending)
{
    public static MatterSummary Of(MatterState state) =>
        new(state.Number, state.Title, state.Status, state.Due, state.Lead?.DisplayName, state.Lead?.ObjectId, state.Pending is not null);
}
