using System.Diagnostics;
using System.Globalization;
using OfficeBot.Application.Meetings;
using OfficeBot.Application.Outbox;
using OfficeBot.Benchmarks.MeetingSync;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;
using OfficeBot.Storage.Sqlite;

// Issue 9 §5: request, approval and the full sync of 50 leaders × 20,000 events through the real classes on SQLite.
// Usage: dotnet run -c Release --project bench/OfficeBot.Benchmarks.MeetingSync -- [--leaders 50] [--events 20000]
//        [--pending 200] [--approved 300] [--warm 3] [--breakdown 100] [--folder /tmp/officebot-meeting-sync]
var leaders = Arg("--leaders", 50);
var events = Arg("--events", 20_000);
var pendingCount = Arg("--pending", 200);
var approvedCount = Arg("--approved", 300);
var warmRuns = Arg("--warm", 3);
var breakdown = Arg("--breakdown", 100);
var folder = args.SkipWhile(a => a != "--folder").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "officebot-meeting-sync");
var ct = CancellationToken.None;
var rooms = Enumerable.Range(1, 5).Select(i => $"會議室 {i}").ToArray();
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Console.WriteLine($"# Meeting sync benchmark: {leaders} leaders × {events:N0} events, {pendingCount} pending + {approvedCount} approved meetings, {Environment.ProcessorCount} cores, load {Stats.Load()}");
Memory("process start");

// 1. The feeds, written once and kept in the folder.
var clock = Stopwatch.StartNew();
var feeds = LeaderFeeds.Ensure(Path.Combine(folder, "feeds"), leaders, events);
Console.WriteLine($"feeds ready in {clock.Elapsed.TotalSeconds:F1} s: {feeds.Length} files, {Stats.Mb(feeds.Sum(f => new FileInfo(f).Length))} (load {Stats.Load()})");

var dbPath = Path.Combine(folder, $"meetings-{Guid.NewGuid():N}.db");
using var store = new SqliteTableStore(dbPath);
await SyncOffice.EnsureTablesAsync(store);

// 4. The sync, in an office that has not read any feed yet (a restarted instance): cold, then warm.
var readerRef = await SeedAsync();
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
Memory("parsed feeds dropped (new office next)");
Console.WriteLine($"the first office's feed reader still reachable: {readerRef.IsAlive}");
var office = new SyncOffice(store, feeds, rooms);
var slot = SyncOffice.Now.UtcTicks / office.Office.Meetings.SyncInterval.Ticks;
var item = new OutboxItem { Id = $"gsync-{slot}", Kind = OutboxKinds.MeetingSync, TenantId = SyncOffice.Tenant, CreatedAt = SyncOffice.Now, DueAt = SyncOffice.Now };
Console.WriteLine();
Console.WriteLine("## MeetingSync.HandleAsync (one tenant, every pending and approved meeting within 62 days)");
Console.WriteLine("| run | load | meetings | changed | total s | meetings/s | calendar reads | in reads s | per meeting p50 ms | p99 ms | max ms | allocated |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var steps = new List<double>();
for (var run = 0; run <= warmRuns; run++)
{
    office.Source.Reset();
    var progress = new TimedProgress();
    var allocated = GC.GetTotalAllocatedBytes(true);
    var load = Stats.Load();
    var started = Stopwatch.GetTimestamp();
    await office.Sync.HandleAsync(item, progress, ct);
    var elapsed = Stopwatch.GetElapsedTime(started);
    var sorted = progress.MeetingMs.Order().ToArray();
    double At(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine($"| {(run == 0 ? "cold (parses the feeds)" : $"warm {run}")} | {load} | {office.SyncLog.Watched} | {office.SyncLog.Changed} | {elapsed.TotalSeconds:F1} | {sorted.Length / elapsed.TotalSeconds:F1} | {office.Source.Reads} | {office.Source.Time.TotalSeconds:F1} | {At(0.5):F1} | {At(0.99):F1} | {sorted[^1]:F1} | {Stats.Mb(GC.GetTotalAllocatedBytes(true) - allocated)} |");
    if (run > 0)
    {
        steps.AddRange(progress.MeetingMs);
    }

    if (run == 0)
    {
        Memory("after the cold sync (feeds read and expanded)");
    }
}

Memory($"after {warmRuns} warm syncs");

// 5. Where a warm sync's time goes, meeting by meeting as MeetingChecks does it: read (leaders' feeds expanded over 31
//    days, plus OfficeBot's meetings from the store), the rules, the alternatives; and what reading each leader once costs.
var checker = new ConflictChecker(office.Time.Calendar, office.Time.Zone, office.Office.Meetings.ToRules());
var watched = (await office.Repository.HoldingTimeAsync(SyncOffice.Tenant, SyncOffice.Now, SyncOffice.Now + OfficeBot.Application.Meetings.MeetingSync.Horizon, ct))
    .Where(m => m.Start > SyncOffice.Now).Take(breakdown).ToList();
var readLeaders = new List<double>();
var readStore = new List<double>();
var check = new List<double>();
var alternatives = new List<double>();
var readOnce = new List<double>();
foreach (var summary in watched)
{
    var from = office.Checks.DayStart(summary.Start);
    var proposal = new MeetingProposal(Meeting.IdOf(summary.Number), summary.Title, summary.Start, summary.End, summary.Leaders.Select(l => l.ObjectId).ToList(),
        MeetingChecks.DepartmentOf(summary.Department, summary.Requester), summary.Room);
    office.Source.Reset();
    var started = Stopwatch.GetTimestamp();
    var read = await office.Checks.ReadAsync(SyncOffice.Tenant, proposal.Leaders, from, from.AddDays(31), ct);
    var readMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    readLeaders.Add(office.Source.Time.TotalMilliseconds);
    readStore.Add(readMs - office.Source.Time.TotalMilliseconds);
    started = Stopwatch.GetTimestamp();
    var conflicts = checker.Check(proposal, read.Calendars);
    check.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    if (conflicts.Count > 0)
    {
        started = Stopwatch.GetTimestamp();
        checker.Alternatives(proposal, read.Calendars, office.Time.Now);
        alternatives.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

for (var i = 0; i < leaders; i++)
{
    var from = office.Checks.DayStart(SyncOffice.Now);
    var started = Stopwatch.GetTimestamp();
    await office.Ics.ReadAsync(LeaderFeeds.LeaderId(i), from, from.AddDays(62 + 31 + 1), ct);
    readOnce.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}

// What the expanded busy times of a whole feed would hold, were they kept instead of Ical.Net's object graph.
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
var clockWhole = Stopwatch.StartNew();
var whole = await office.Ics.ReadAsync(LeaderFeeds.LeaderId(0), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2041, 1, 1, 0, 0, 0, TimeSpan.Zero), ct);
var wholeMs = clockWhole.Elapsed.TotalMilliseconds;
var heapWhole = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
GC.KeepAlive(whole);

Console.WriteLine();
Console.WriteLine($"## Where a warm sync's time goes ({watched.Count} meetings, each step as MeetingChecks.CheckAsync does it), load {Stats.Load()}");
Console.WriteLine(Stats.Header);
Console.WriteLine(Stats.Row("read the meeting's leaders (31 days, per meeting)", readLeaders));
Console.WriteLine(Stats.Row("read OfficeBot's meetings from the store (31 days)", readStore));
Console.WriteLine(Stats.Row("ConflictChecker.Check", check));
Console.WriteLine(Stats.Row("ConflictChecker.Alternatives (meetings with conflicts)", alternatives));
Console.WriteLine(Stats.Row("each leader read once, 94 days (a sync-wide read)", readOnce));
Console.WriteLine($"sums: leaders {readLeaders.Sum() / 1000:F1} s, store {readStore.Sum() / 1000:F1} s, check {check.Sum() / 1000:F2} s, alternatives {alternatives.Sum() / 1000:F2} s ({alternatives.Count} meetings); one read per leader {readOnce.Sum() / 1000:F1} s");
Console.WriteLine($"warm sync steps overall: {Stats.Row("per meeting", steps)}");
var probe = new List<double>();
var probeFound = 0;
var probeExpanded = 0;
for (var i = 0; i < Math.Min(leaders, 10); i++)
{
    var feed = await office.Reader.ReadAsync(feeds[i], ct);
    var from = office.Checks.DayStart(SyncOffice.Now);
    var (ms, found, expanded) = PrefilterProbe.Run(feed.Content!, from, from.AddDays(31));
    probe.Add(ms);
    probeFound += found;
    probeExpanded += expanded;
}

Console.WriteLine(Stats.Header);
Console.WriteLine(Stats.Row($"probe: singles by DTSTART, only series expanded (31 days; ≈{probeFound / probe.Count} in window, {probeExpanded / probe.Count} series)", probe));
Console.WriteLine($"one whole feed expanded (2020–2040): {whole.Busy.Count:N0} busy times in {wholeMs:F0} ms, {Stats.Mb(heapWhole)} on the heap ({(double)heapWhole / Math.Max(1, whole.Busy.Count):F0} bytes each)");
Memory("end");
File.Delete(dbPath);

// Phases 2 and 3 in their own method, so that nothing of the first office (its parsed feeds) outlives them.
async Task<WeakReference> SeedAsync()
{
    // 2. Parse every feed (as the first sync or the first requests would), then the expansion per window size.
    var seeding = new SyncOffice(store, feeds, rooms);
    var parse = new List<double>();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    foreach (var feed in feeds)
    {
        var started = Stopwatch.GetTimestamp();
        var read = await seeding.Reader.ReadAsync(feed, ct);
        parse.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (read.Content is null)
        {
            throw new InvalidOperationException(read.Problem);
        }
    }

    Console.WriteLine();
    Console.WriteLine($"## Parse: {feeds.Length} feeds (IcsFeedReader.ReadAsync, Ical.Net Calendar.Load), load {Stats.Load()}");
    Console.WriteLine(Stats.Header);
    Console.WriteLine(Stats.Row("parse one feed (first = cold JIT)", parse));
    Console.WriteLine($"total {parse.Sum() / 1000:F1} s = {(double)feeds.Length * events / (parse.Sum() / 1000):N0} events/s; allocated {Stats.Mb(GC.GetTotalAllocatedBytes(true) - allocatedBefore)}");
    Memory($"{feeds.Length} feeds parsed (held until the calendar source has expanded them)");

    Console.WriteLine();
    Console.WriteLine($"## One leader's calendar read (IcsLeaderCalendarSource.ReadAsync, parsed feed), by window, load {Stats.Load()}");
    Console.WriteLine(Stats.Header);
    var windowRuns = new List<(int Days, List<double> Ms, long Busy)>();
    foreach (var days in (int[])[2, 31, 93])
    {
        var ms = new List<double>();
        long busy = 0;
        for (var i = 0; i < Math.Min(leaders, 10); i++)
        {
            var from = seeding.Checks.DayStart(SyncOffice.Now);
            var started = Stopwatch.GetTimestamp();
            var calendar = await seeding.Ics.ReadAsync(LeaderFeeds.LeaderId(i), from, from.AddDays(days), ct);
            ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            busy += calendar.Busy.Count;
        }

        windowRuns.Add((days, ms, busy / ms.Count));
        Console.WriteLine(Stats.Row($"{days}-day window (≈{busy / ms.Count} busy times)", ms));
    }

    Memory($"{Math.Min(leaders, 10)} feeds read and expanded by the calendar source");

    // 3. Requests and approvals through MeetingService, as the command and the director's press do.
    var random = new Random(20300603);
    var days62 = Enumerable.Range(0, 62).Select(d => DateOnly.FromDateTime(SyncOffice.Now.UtcDateTime).AddDays(d + 1))
        .Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).ToArray();
    var requests = new List<double>();
    var numbers = new List<int>();
    seeding.Source.Reset();
    var requestAllocated = GC.GetTotalAllocatedBytes(true);
    for (var i = 0; i < pendingCount + approvedCount; i++)
    {
        var day = days62[random.Next(days62.Length)];
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddMinutes(30 * random.Next(17));
        var with = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(leaders)).Distinct()
            .Select(l => new Person(LeaderFeeds.LeaderId(l), $"首長 {l}")).ToList();
        var department = random.Next(7);
        var data = new MeetingRequestData($"會議 {i}", start, start.AddMinutes(30 * random.Next(1, 5)), with, random.Next(10) < 3 ? rooms[random.Next(rooms.Length)] : null,
            false, $"處 {department}");
        var actor = new Actor(new Person($"staff-{department}", $"承辦 {department}"));
        var started = Stopwatch.GetTimestamp();
        var (meeting, refusal) = await seeding.Meetings.RequestAsync(SyncOffice.Tenant, data, actor, $"request-{i}", ct);
        requests.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        numbers.Add(meeting?.Number ?? throw new InvalidOperationException($"request {i} refused: {refusal}"));
    }

    var requestReads = seeding.Source.Reads;
    var requestReadTime = seeding.Source.Time;
    var requestAllocatedPer = (GC.GetTotalAllocatedBytes(true) - requestAllocated) / requests.Count;

    var director = new Actor(new Person("director", "主任"), OfficeRole.Director);
    var presses = new List<double>();
    var approvedWith = 0;
    var approvedAnyway = 0;
    seeding.Source.Reset();
    foreach (var number in numbers.Take(approvedCount))
    {
        // The card shows Approve without conflicts and Approve anyway with them; an Approve refused because the calendars
        // changed is followed by an Approve anyway, as a director would press next.
        for (var press = 0; press < 2; press++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await seeding.Meetings.ChangeAsync(SyncOffice.Tenant, number, director, async meeting =>
            {
                var anyway = meeting.State.Conflicts.Count > 0 || press > 0;
                var fresh = await seeding.Meetings.CheckAsync(meeting.State, null, withAlternatives: !anyway, ct);
                return anyway ? meeting.ApproveAnyway(director, seeding.Time.Now, fresh) : meeting.Approve(director, seeding.Time.Now, fresh);
            }, null, ct);
            presses.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result.Outcome.IsChanged)
            {
                _ = result.Meeting!.State.Overridden.Count > 0 ? approvedAnyway++ : approvedWith++;
                break;
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine($"## Requests and decisions on SQLite, load {Stats.Load()}");
    Console.WriteLine(Stats.Header);
    Console.WriteLine(Stats.Row("MeetingService.RequestAsync (check + alternatives + store)", requests));
    Console.WriteLine(Stats.Row("director's approve press (fresh check + store)", presses));
    Console.WriteLine($"requests: {requestReads} calendar reads taking {requestReadTime.TotalSeconds:F1} s of {requests.Sum() / 1000:F1} s ({100 * requestReadTime.TotalMilliseconds / requests.Sum():F0}%), allocated {Stats.Mb(requestAllocatedPer)} per request");
    Console.WriteLine($"presses: {seeding.Source.Reads} calendar reads taking {seeding.Source.Time.TotalSeconds:F1} s of {presses.Sum() / 1000:F1} s; {approvedWith} approved without conflicts, {approvedAnyway} approved anyway");

    return new WeakReference(seeding.Reader);
}

int Arg(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static void Memory(string when)
{
    var managed = GC.GetTotalMemory(forceFullCollection: true);
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"memory {when}: GC heap {Stats.Mb(managed)}, working set {Stats.Mb(process.WorkingSet64)}, private {Stats.Mb(process.PrivateMemorySize64)}, allocated so far {Stats.Mb(GC.GetTotalAllocatedBytes(true))} (load {Stats.Load()})");
}
