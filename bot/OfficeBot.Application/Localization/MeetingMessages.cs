using System.Globalization;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Meetings;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Localization;

/// <summary>What the bot says about meeting requests, in English, 繁體中文 and 简体中文 (card labels live with the cards).</summary>
public sealed class MeetingMessages(Language language)
{
    public Language Language { get; } = language;

    public static string Name(int number) => Cards.Builders.MeetingCard.Name(number);

    // ── Replies to requests ─────────────────────────────────────────────────────────────────────

    public string Requested(int number, int conflicts) => conflicts == 0
        ? Pick($"Meeting request {Name(number)} is in; no conflicts found. The directors have it.", $"會議申請 {Name(number)} 已送出，未發現衝突，已送主任審批。",
            $"会议申请 {Name(number)} 已送出，未发现冲突，已送主任审批。")
        : Pick($"Meeting request {Name(number)} is in, with {conflicts} conflict(s) the directors will see.", $"會議申請 {Name(number)} 已送出，發現 {conflicts} 項衝突，主任審批時會看到。",
            $"会议申请 {Name(number)} 已送出，发现 {conflicts} 项冲突，主任审批时会看到。");

    public string RequestedButNotShown(int number) => Pick(
        $"Meeting request {Name(number)} is in, but its card could not be shown; write 'show {Name(number)}' to see it. Do not ask again.",
        $"會議申請 {Name(number)} 已送出，但卡片未能顯示；請輸入「查看會議 {Name(number)}」，不要重複申請。",
        $"会议申请 {Name(number)} 已送出，但卡片未能显示；请输入「查看会议 {Name(number)}」，不要重复申请。");

    public string ChangedButNotShown(int number) => Pick(
        $"{Name(number)} was changed, but its card could not be shown; write 'show {Name(number)}' to see it.",
        $"{Name(number)} 已更新，但卡片未能顯示；請輸入「查看會議 {Name(number)}」。",
        $"{Name(number)} 已更新，但卡片未能显示；请输入「查看会议 {Name(number)}」。");

    public string NotALeader(string name) => Pick(
        $"{name} is not one of the office's leaders (Office:Leaders); a meeting request names leaders whose time the office keeps.",
        $"{name} 不在辦公室的領導名單（Office:Leaders）中；會議申請只能指定領導。",
        $"{name} 不在办公室的领导名单（Office:Leaders）中；会议申请只能指定领导。");

    public string UnknownRoom(string room, IReadOnlyList<string> rooms) => rooms.Count == 0
        ? Pick($"There is no room called '{room}': no meeting rooms are configured (Office:Meetings:Rooms). Leave the room out.",
            $"沒有「{room}」這個會議室：尚未設定會議室（Office:Meetings:Rooms），請不要指定地點。",
            $"没有「{room}」这个会议室：尚未设置会议室（Office:Meetings:Rooms），请不要指定地点。")
        : Pick($"There is no room called '{room}'. Rooms: {string.Join(", ", rooms)}.", $"沒有「{room}」這個會議室。可用：{string.Join("、", rooms)}。",
            $"没有「{room}」这个会议室。可用：{string.Join("、", rooms)}。");

    public string UnknownDepartment(string department, IEnumerable<string> departments) => Pick(
        $"There is no department called '{department}'. Departments: {string.Join(", ", departments)}.",
        $"沒有「{department}」這個部門。部門有：{string.Join("、", departments)}。",
        $"没有「{department}」这个部门。部门有：{string.Join("、", departments)}。");

    public string UnknownMeeting(int number) => Pick(
        $"There is no meeting request {Name(number)} that you can see.", $"找不到您可查看的會議申請 {Name(number)}。", $"找不到您可查看的会议申请 {Name(number)}。");

    public string NotAMeetingCard => Pick("This card is not a meeting request.", "這張卡片不是會議申請。", "这张卡片不是会议申请。");

    public string Busy => Pick("Many people changed this meeting at once; please try again.", "多人同時修改這個會議，請再試一次。", "多人同时修改这个会议，请再试一次。");

    public string StaleCard => Pick("This card was out of date; here is the meeting as it stands now. Nothing was changed.",
        "這張卡片已過時，以下是會議的最新狀態，未做任何更改。", "这张卡片已过时，以下是会议的最新状态，未做任何更改。");

    public string NothingChanged(int number) => Pick($"{Name(number)} is already so; nothing changed.", $"{Name(number)} 已是如此，未做更改。", $"{Name(number)} 已是如此，未做更改。");

    public string Refused(MeetingRefusal refusal) => refusal switch
    {
        MeetingRefusal.NotPermitted => Pick("Only a director, or the person who asked for the meeting, may do that.", "只有主任或申請人可以這樣做。", "只有主任或申请人可以这样做。"),
        MeetingRefusal.WrongStatus => Pick("The meeting is no longer at a stage where that can be done.", "會議已不在可以這樣做的階段。", "会议已不在可以这样做的阶段。"),
        MeetingRefusal.ReasonRequired => Pick("Please give a reason.", "請填寫理由。", "请填写理由。"),
        MeetingRefusal.HasConflicts => Pick("The meeting has conflicts now: look at them, then approve anyway, move it to an alternative, or send it back.",
            "會議目前有衝突：請查看後選擇仍然批准、改到建議時段或退回。", "会议目前有冲突：请查看后选择仍然批准、改到建议时段或退回。"),
        MeetingRefusal.NoConflicts => Pick("Nothing conflicts any more; approve it.", "已無衝突，請直接批准。", "已无冲突，请直接批准。"),
        MeetingRefusal.SlotNotFree => Pick("That time is no longer free; here are the free times now.", "該時段已不再空閒；以下是目前的空閒時段。", "该时段已不再空闲；以下是目前的空闲时段。"),
        MeetingRefusal.EndBeforeStart => Pick("The meeting must end after it starts.", "會議結束時間必須晚於開始時間。", "会议结束时间必须晚于开始时间。"),
        MeetingRefusal.InPast => Pick("That time has already passed.", "該時間已經過去。", "该时间已经过去。"),
        MeetingRefusal.TooLong => Pick($"A meeting may last at most {Meeting.Longest.TotalHours:0} hours.", $"會議最長 {Meeting.Longest.TotalHours:0} 小時。", $"会议最长 {Meeting.Longest.TotalHours:0} 小时。"),
        MeetingRefusal.NotUrgent => Pick("The request was not marked urgent.", "這個申請沒有標為急件。", "这个申请没有标为急件。"),
        _ => Pick("No new conflict waits for a decision.", "沒有待決定的新衝突。", "没有待决定的新冲突。"),
    };

    public string DecisionTitleRequired => Pick("Give the decision a title (what is to be done).", "請填寫決議的標題（要辦的事）。", "请填写决议的标题（要办的事）。");

    public string InputProblem(string what) => Pick($"'{what}' is not what the form asks for; nothing was changed.", $"「{what}」不符合表單要求，未做任何更改。",
        $"「{what}」不符合表单要求，未做任何更改。");

    public string TooLong(int length) => Pick($"That is {length} characters; keep it to {InputLimits.Text}. Nothing was changed.",
        $"內容有 {length} 個字，請限於 {InputLimits.Text} 字以內，未做任何更改。", $"内容有 {length} 个字，请限于 {InputLimits.Text} 字以内，未做任何更改。");

    public string Done(MeetingHistoryKind kind, int number) => kind switch
    {
        MeetingHistoryKind.Approved => Pick($"{Name(number)} approved.", $"{Name(number)} 已批准。", $"{Name(number)} 已批准。"),
        MeetingHistoryKind.ApprovedAnyway => Pick($"{Name(number)} approved over its conflicts; that is on record.", $"{Name(number)} 已在有衝突的情況下批准，已記錄。",
            $"{Name(number)} 已在有冲突的情况下批准，已记录。"),
        MeetingHistoryKind.Moved => Pick($"{Name(number)} moved and approved.", $"{Name(number)} 已改期並批准。", $"{Name(number)} 已改期并批准。"),
        MeetingHistoryKind.SentBack => Pick($"{Name(number)} sent back.", $"{Name(number)} 已退回。", $"{Name(number)} 已退回。"),
        MeetingHistoryKind.Rejected => Pick($"{Name(number)} rejected.", $"{Name(number)} 已駁回。", $"{Name(number)} 已驳回。"),
        MeetingHistoryKind.Cancelled => Pick($"{Name(number)} cancelled.", $"{Name(number)} 已取消。", $"{Name(number)} 已取消。"),
        MeetingHistoryKind.TimeChanged => Pick($"{Name(number)} now asks for the new time; the directors have it again.", $"{Name(number)} 已改為新時間，重新送主任審批。",
            $"{Name(number)} 已改为新时间，重新送主任审批。"),
        MeetingHistoryKind.UrgencyConfirmed => Pick($"{Name(number)} confirmed as urgent.", $"{Name(number)} 已確認為急件。", $"{Name(number)} 已确认为急件。"),
        MeetingHistoryKind.Kept => Pick($"{Name(number)} kept as it is; that is on record.", $"{Name(number)} 維持原安排，已記錄。", $"{Name(number)} 维持原安排，已记录。"),
        _ => Pick($"{Name(number)} updated.", $"{Name(number)} 已更新。", $"{Name(number)} 已更新。"),
    };

    public string DecisionRegistered(int matter, int meeting) => Pick($"Decision registered as matter #{matter}, from {Name(meeting)}.",
        $"決議已登記為事項 #{matter}（來自 {Name(meeting)}）。", $"决议已登记为事项 #{matter}（来自 {Name(meeting)}）。");

    // ── Notifications ───────────────────────────────────────────────────────────────────────────

    public string ToDecide(int number, string title) => Pick($"Meeting request {Name(number)} {title} waits for your decision", $"會議申請 {Name(number)} {title} 待您審批",
        $"会议申请 {Name(number)} {title} 待您审批");

    public string Decided(int number, string title, string what) => Pick($"{Name(number)} {title}: {what}", $"{Name(number)} {title}：{what}", $"{Name(number)} {title}：{what}");

    public string ConflictAlert(int number, string title) => Pick($"New conflict for meeting {Name(number)} {title}", $"會議 {Name(number)} {title} 出現新衝突",
        $"会议 {Name(number)} {title} 出现新冲突");

    // ── History lines ───────────────────────────────────────────────────────────────────────────

    public string History(MeetingHistoryEntry entry, TimeZoneInfo zone) => entry.Kind switch
    {
        MeetingHistoryKind.Requested => Pick($"asked for {Range(entry.NewValue, zone)}", $"申請 {Range(entry.NewValue, zone)}", $"申请 {Range(entry.NewValue, zone)}"),
        MeetingHistoryKind.Approved => Pick("approved", "批准", "批准"),
        MeetingHistoryKind.ApprovedAnyway => Pick($"approved over {Count(entry.Note)} conflict(s)", $"在 {Count(entry.Note)} 項衝突下仍然批准", $"在 {Count(entry.Note)} 项冲突下仍然批准"),
        MeetingHistoryKind.Moved => Pick($"moved from {Range(entry.OldValue, zone)} to {Range(entry.NewValue, zone)}", $"由 {Range(entry.OldValue, zone)} 改到 {Range(entry.NewValue, zone)}",
            $"由 {Range(entry.OldValue, zone)} 改到 {Range(entry.NewValue, zone)}"),
        MeetingHistoryKind.SentBack => Pick($"sent back: {entry.Note}", $"退回：{entry.Note}", $"退回：{entry.Note}"),
        MeetingHistoryKind.Rejected => Pick($"rejected: {entry.Note}", $"駁回：{entry.Note}", $"驳回：{entry.Note}"),
        MeetingHistoryKind.Cancelled => string.IsNullOrWhiteSpace(entry.Note) ? Pick("cancelled", "取消", "取消") : Pick($"cancelled: {entry.Note}", $"取消：{entry.Note}", $"取消：{entry.Note}"),
        MeetingHistoryKind.TimeChanged => Pick($"changed the time to {Range(entry.NewValue, zone)}", $"改時間為 {Range(entry.NewValue, zone)}", $"改时间为 {Range(entry.NewValue, zone)}"),
        MeetingHistoryKind.UrgencyConfirmed => Pick("confirmed it urgent", "確認為急件", "确认为急件"),
        MeetingHistoryKind.ConflictFound => Pick($"found {Count(entry.Note)} new conflict(s)", $"發現 {Count(entry.Note)} 項新衝突", $"发现 {Count(entry.Note)} 项新冲突"),
        MeetingHistoryKind.ConflictResolved => Pick($"{Count(entry.Note)} conflict(s) gone", $"{Count(entry.Note)} 項衝突已消除", $"{Count(entry.Note)} 项冲突已消除"),
        MeetingHistoryKind.Kept => Pick("kept it as it is over the new conflicts", "在新衝突下維持原安排", "在新冲突下维持原安排"),
        MeetingHistoryKind.DecisionRegistered => Pick($"registered decision #{entry.NewValue}", $"登記決議 #{entry.NewValue}", $"登记决议 #{entry.NewValue}"),
        _ => entry.Kind.ToString(),
    };

    private static int Count(string? keys) => string.IsNullOrEmpty(keys) ? 0 : keys.Split('\n').Length;

    private static string Range(string? value, TimeZoneInfo zone)
    {
        var parts = value?.Split('/');
        if (parts is not { Length: 2 } || !DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return value ?? string.Empty;
        }

        start = TimeZoneInfo.ConvertTime(start, zone);
        end = TimeZoneInfo.ConvertTime(end, zone);
        return $"{start:yyyy-MM-dd HH:mm}–{end:HH:mm}";
    }

    private string Pick(string english, string traditional, string simplified) => Language switch
    {
        Language.Traditional => traditional,
        Language.Simplified => simplified,
        _ => english,
    };
}
