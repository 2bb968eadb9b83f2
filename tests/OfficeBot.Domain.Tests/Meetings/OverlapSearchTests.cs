using OfficeBot.Domain.Meetings;
using static OfficeBot.Domain.Tests.Meetings.MeetingOffice;

namespace OfficeBot.Domain.Tests.Meetings;

/// <summary>The binary-searched overlaps are exactly the ones a scan of every event would find, long trips included.</summary>
public sealed class OverlapSearchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Check_ManyRandomEvents_SameOverlapsAsAFullScan(int seed)
    {
        var random = new Random(seed);
        var origin = At("00:00");
        var events = new List<BusyEvent>();
        for (var i = 0; i < 2_000; i++)
        {
            var start = origin.AddMinutes(random.Next(0, 60 * 24 * 60));
            var minutes = random.Next(20) switch
            {
                0 => 60 * 24 * random.Next(2, 15), // a trip of days
                1 => 60 * 24, // all day
                2 => 0,
                _ => random.Next(5, 180),
            };
            events.Add(new BusyEvent($"e{i}", $"e{i}", start, start.AddMinutes(minutes), "ics", Busy: random.Next(10) > 0));
        }

        var calendars = Calendars([.. events]);
        var buffer = LeaderLimits.Default.Buffer;
        for (var i = 0; i < 500; i++)
        {
            var start = origin.AddMinutes(random.Next(0, 60 * 24 * 60));
            var proposal = new MeetingProposal("request-1", "t", start, start.AddMinutes(random.Next(15, 240)), [Li], Finance);

            var found = Checker().Check(proposal, calendars).Where(c => c.Kind == ConflictKind.Overlap).Select(c => c.Event!.Id);

            var expected = events
                .Where(e => e.Busy && e.Start < proposal.End + buffer && e.End > proposal.Start - buffer)
                .OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => e.Id);
            Assert.Equal(expected, found);
        }
    }
}
