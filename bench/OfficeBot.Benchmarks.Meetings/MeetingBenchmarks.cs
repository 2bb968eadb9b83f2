using BenchmarkDotNet.Attributes;
using OfficeBot.Domain.Meetings;

namespace OfficeBot.Benchmarks.Meetings;

/// <summary>One conflict check and one search for alternatives, each on the next of 1,024 random proposals.</summary>
[MemoryDiagnoser]
public class MeetingBenchmarks
{
    private MeetingOfficeData _office = null!;
    private MeetingProposal[] _proposals = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _office = new MeetingOfficeData();
        _proposals = _office.Proposals(1_024, seed: 7);
    }

    [Benchmark]
    public int Check() => _office.Checker.Check(Next(), _office.Calendars).Count;

    [Benchmark]
    public int Alternatives() => _office.Checker.Alternatives(Next(), _office.Calendars, _office.Now).Count;

    private MeetingProposal Next() => _proposals[_next++ & 1023];
}
