using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Office;

/// <summary>
/// The departments of the live configuration, found by Entra object id in constant time. The directory is built once per
/// configuration change: the options monitor hands out the same <see cref="OfficeOptions"/> instance until the
/// configuration reloads, so a new instance is the signal to rebuild, and a change needs no redeploy.
/// </summary>
public sealed class Departments(IOptionsMonitor<OfficeOptions> options)
{
    private Snapshot? _snapshot;

    /// <summary>One consistent view, for callers that look up several people at once.</summary>
    public DepartmentDirectory Current
    {
        get
        {
            var office = options.CurrentValue;
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is null || !ReferenceEquals(snapshot.Options, office))
            {
                // Two threads may both rebuild after a change; both results are equal, and the last one written stays.
                snapshot = new Snapshot(office, new DepartmentDirectory(office.Departments.Select(d => d.ToDepartment())));
                Volatile.Write(ref _snapshot, snapshot);
            }

            return snapshot.Directory;
        }
    }

    /// <summary>The person's department, or null when they are in none.</summary>
    public Department? Of(string objectId) => Current.Of(objectId);

    /// <summary>The object id of the head of the person's department (themselves when they head it), or null when they are in none.</summary>
    public string? HeadOf(string objectId) => Current.HeadOf(objectId);

    /// <summary>Everyone in the named department, the head first.</summary>
    public IReadOnlyList<string> MembersOf(string departmentName) => Current.MembersOf(departmentName);

    private sealed record Snapshot(OfficeOptions Options, DepartmentDirectory Directory);
}
