using System.Globalization;
using OfficeBot.Cards.Localization;
using OfficeBot.Commands;
using OfficeBot.Domain.Calendar;
using OfficeBot.Domain.Limits;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Localization;

/// <summary>Everything the bot says in words (card labels live with the cards), in English, 繁體中文 and 简体中文.</summary>
public sealed class Messages(Language language)
{
    public Language Language { get; } = language;

    // ── Right forms of the commands ─────────────────────────────────────────────────────────────

    public string FormOf(CommandVerb verb) => verb switch
    {
        CommandVerb.New => Pick("new <title> [lead @person] [co @person…] [due <date>] [from leader|upper|department] [ref X] [urgent|extra-urgent]",
            "新事項 <標題> [主辦 @人] [會辦 @人…] [期限 <日期>] [來源 領導交辦/上級交辦/部門轉辦] [文號 X] [急件/特急]",
            "新事项 <标题> [主办 @人] [会办 @人…] [期限 <日期>] [来源 领导交办/上级交办/部门转办] [文号 X] [急件/特急]"),
        CommandVerb.Show => Pick("show #12", "查看 #12", "查看 #12"),
        CommandVerb.Acknowledge => Pick("ack #12", "簽收 #12", "签收 #12"),
        CommandVerb.Progress => Pick("progress #12 <what was done>", "進度 #12 <說明>", "进度 #12 <说明>"),
        CommandVerb.Done => Pick("done #12 [note]", "辦結 #12 [說明]", "办结 #12 [说明]"),
        CommandVerb.Transfer => Pick("transfer #12 @person [reason]", "轉辦 #12 @人 [理由]", "转办 #12 @人 [理由]"),
        CommandVerb.Urge => Pick("urge #12 [message]", "催辦 #12 [話]", "催办 #12 [话]"),
        CommandVerb.Extend => Pick("extend #12 <date> [reason]", "延期 #12 <日期> [理由]", "延期 #12 <日期> [理由]"),
        CommandVerb.Holidays => Pick("holidays", "假日", "假日"),
        CommandVerb.Report => Pick("report", "通報", "通报"),
        CommandVerb.Meeting => Pick("meeting <title> <time range> leaders @person… [room X] [dept X] [urgent]",
            "會議 <主題> <時間段> 領導 @人… [地點 X] [部門 X] [急件]",
            "会议 <主题> <时间段> 领导 @人… [地点 X] [部门 X] [急件]"),
        CommandVerb.Agenda => Pick("agenda @leader [date | this week | next week | <date> week]",
            "日程 @領導 [日期 | 本週 | 下週 | <日期> 週]",
            "日程 @领导 [日期 | 本周 | 下周 | <日期> 周]"),
        CommandVerb.ShowMeeting => Pick("show meeting M3", "查看會議 M3", "查看会议 M3"),
        _ => Pick("help", "幫助", "帮助"),
    };

    public string ExampleOf(CommandVerb verb) => verb switch
    {
        CommandVerb.New => Pick("new Annual budget report lead @Mei co @Wei due next Friday from leader ref FIN-2026-12 urgent",
            "新事項 年度預算報告 主辦 @小美 會辦 @阿偉 期限 下週五 來源 領導交辦 文號 府財字第12號 急件",
            "新事项 年度预算报告 主办 @小美 会办 @阿伟 期限 下周五 来源 领导交办 文号 府财字第12号 急件"),
        CommandVerb.Progress => Pick("progress #12 First draft sent to finance", "進度 #12 初稿已送財務處", "进度 #12 初稿已送财务处"),
        CommandVerb.Done => Pick("done #12 Report filed", "辦結 #12 報告已送出", "办结 #12 报告已送出"),
        CommandVerb.Transfer => Pick("transfer #12 @Wei belongs to personnel", "轉辦 #12 @阿偉 屬人事業務", "转办 #12 @阿伟 属人事业务"),
        CommandVerb.Extend => Pick("extend #12 Dec 20 waiting for figures", "延期 #12 12月20日 等待數據", "延期 #12 12月20日 等待数据"),
        CommandVerb.Meeting => Pick("meeting Budget review next Wednesday 10:00-11:30 leaders @Mei @Wei room 301 urgent",
            "會議 預算審查 12月9日下午2點到4點 領導 @小美 @阿偉 地點 第一會議室 急件",
            "会议 预算审查 12月9日下午2点到4点 领导 @小美 @阿伟 地点 第一会议室 急件"),
        CommandVerb.Agenda => Pick("agenda @Mei next Wednesday", "日程 @小美 下週三", "日程 @小美 下周三"),
        _ => FormOf(verb),
    };

    // ── What went wrong ─────────────────────────────────────────────────────────────────────────

    public string ParseProblem(ParseError error) => error.Kind switch
    {
        ParseErrorKind.MissingTitle when CommandParser.VerbOf(error.CommandWord) == CommandVerb.Meeting =>
            Pick("A meeting request needs a subject.", "會議申請需要主題。", "会议申请需要主题。"),
        ParseErrorKind.MissingTitle => Pick("A new matter needs a title.", "新事項需要標題。", "新事项需要标题。"),
        ParseErrorKind.TitleTooLong => Pick($"The title is too long ({error.Detail} characters); keep it to {InputLimits.Title}.",
            $"標題太長（{error.Detail} 字），請在 {InputLimits.Title} 字以內。", $"标题太长（{error.Detail} 字），请在 {InputLimits.Title} 字以内。"),
        ParseErrorKind.DueInPast => Pick($"The due date \"{error.Detail}\" is already past; give a date from today on.",
            $"期限「{error.Detail}」已經過去，請給今天或以後的日期。", $"期限「{error.Detail}」已经过去，请给今天或以后的日期。"),
        ParseErrorKind.UnrecognisedDate when string.IsNullOrWhiteSpace(error.Detail) => Pick("The due date is missing. Write it like \"Dec 5\", \"2027-01-21\", \"next Friday\" or \"within 3 days\".",
            "缺少期限日期。可以寫「12月5日」「2027-01-21」「下週五前」「三天內」。", "缺少期限日期。可以写「12月5日」「2027-01-21」「下周五前」「三天内」。"),
        ParseErrorKind.UnrecognisedDate => Pick($"\"{error.Detail}\" is not a date I understand. Try \"Dec 5\", \"2027-01-21\", \"next Friday\" or \"within 3 days\".",
            $"看不懂日期「{error.Detail}」。可以寫「12月5日」「2027-01-21」「下週五前」「三天內」。", $"看不懂日期「{error.Detail}」。可以写「12月5日」「2027-01-21」「下周五前」「三天内」。"),
        ParseErrorKind.ImpossibleDate => Pick($"There is no such day as \"{error.Detail}\"; check the month and the day.",
            $"日曆上沒有「{error.Detail}」這一天，請檢查月份和日期。", $"日历上没有「{error.Detail}」这一天，请检查月份和日期。"),
        ParseErrorKind.DueTooFar => Pick($"The due date \"{error.Detail}\" is more than {InputLimits.DueHorizonYears} years away; give a date within {InputLimits.DueHorizonYears} years.",
            $"期限「{error.Detail}」超過 {InputLimits.DueHorizonYears} 年，請給 {InputLimits.DueHorizonYears} 年內的日期。", $"期限「{error.Detail}」超过 {InputLimits.DueHorizonYears} 年，请给 {InputLimits.DueHorizonYears} 年内的日期。"),
        ParseErrorKind.MessageTooLong => Pick($"The message is too long ({error.Detail} characters); a command fits in {InputLimits.Message}, a note in {InputLimits.Text}.",
            $"訊息太長（{error.Detail} 字），一則指令最多 {InputLimits.Message} 字，其中說明最多 {InputLimits.Text} 字。",
            $"消息太长（{error.Detail} 字），一条指令最多 {InputLimits.Message} 字，其中说明最多 {InputLimits.Text} 字。"),
        ParseErrorKind.TextTooLong => Pick($"The text is too long ({error.Detail} characters); keep it to {InputLimits.Text}.",
            $"說明文字太長（{error.Detail} 字），請在 {InputLimits.Text} 字以內。", $"说明文字太长（{error.Detail} 字），请在 {InputLimits.Text} 字以内。"),
        ParseErrorKind.DocumentNumberTooLong => Pick($"The document number is too long ({error.Detail} characters); keep it to {InputLimits.DocumentNumber}.",
            $"文號太長（{error.Detail} 字），請在 {InputLimits.DocumentNumber} 字以內。", $"文号太长（{error.Detail} 字），请在 {InputLimits.DocumentNumber} 字以内。"),
        ParseErrorKind.UnknownMention => Pick($"I cannot tell who \"{error.Detail}\" is. Pick the person with @ so Teams turns the name into a mention.",
            $"無法確認「{error.Detail}」是誰。請用 @ 從清單中選人，讓 Teams 標記該同事。", $"无法确认「{error.Detail}」是谁。请用 @ 从列表中选人，让 Teams 标记该同事。"),
        ParseErrorKind.MissingMatterNumber => Pick("Which matter? Give its number, like #12.", "哪一件事項？請寫編號，例如 #12。", "哪一件事项？请写编号，例如 #12。"),
        ParseErrorKind.MissingText => Pick("Something is missing after the matter number.", "事項編號後面還缺內容。", "事项编号后面还缺内容。"),
        ParseErrorKind.GarbledText => Pick($"Part of the text looks garbled: \"{error.Detail}\". Please retype it as plain text.",
            $"有一段文字像是亂碼：「{error.Detail}」。請以純文字重新輸入。", $"有一段文字像是乱码：「{error.Detail}」。请以纯文字重新输入。"),
        ParseErrorKind.MissingPerson => Pick("Whom to? Mention the person with @.", "轉給誰？請用 @ 標記同事。", "转给谁？请用 @ 标记同事。"),
        ParseErrorKind.MissingMeetingTime when string.IsNullOrWhiteSpace(error.Detail) => Pick(
            "When is the meeting? Give a day and hours, like \"Dec 9 2-4pm\", \"next Wednesday 10:00-11:30\" or \"tomorrow 3pm for 1 hour\".",
            "缺少會議時間。可以寫「12月9日下午2點到4點」「下週三 10:00-11:30」「明天下午3點 1小時」。",
            "缺少会议时间。可以写「12月9日下午2点到4点」「下周三 10:00-11:30」「明天下午3点 1小时」。"),
        ParseErrorKind.MissingMeetingTime => Pick(
            $"\"{error.Detail}\" gives the day but not the hours. Add them, like \"2-4pm\" or \"3pm for 1 hour\".",
            $"「{error.Detail}」只有日期，沒有時間。請加上時間，例如「下午2點到4點」或「下午3點 1小時」。",
            $"「{error.Detail}」只有日期，没有时间。请加上时间，例如「下午2点到4点」或「下午3点 1小时」。"),
        ParseErrorKind.UnrecognisedMeetingTime => Pick(
            $"\"{error.Detail}\" is not a meeting time I understand. Try \"Dec 9 2-4pm\", \"next Wednesday 10:00-11:30\" or \"tomorrow 3pm for 1 hour\".",
            $"看不懂會議時間「{error.Detail}」。可以寫「12月9日下午2點到4點」「下週三 10:00-11:30」「明天下午3點 1小時」。",
            $"看不懂会议时间「{error.Detail}」。可以写「12月9日下午2点到4点」「下周三 10:00-11:30」「明天下午3点 1小时」。"),
        ParseErrorKind.MeetingEndMissing => Pick(
            $"\"{error.Detail}\" says when the meeting starts but not when it ends. Add an end (\"2-4pm\") or a length (\"for 1 hour\").",
            $"「{error.Detail}」只有開始時間。請加上結束時間（「下午2點到4點」）或時長（「1小時」）。",
            $"「{error.Detail}」只有开始时间。请加上结束时间（「下午2点到4点」）或时长（「1小时」）。"),
        ParseErrorKind.MeetingEndNotAfterStart => Pick(
            $"In \"{error.Detail}\" the meeting would end before it starts; check the two times.",
            $"「{error.Detail}」的結束時間不晚於開始時間，請檢查前後兩個時間。",
            $"「{error.Detail}」的结束时间不晚于开始时间，请检查前后两个时间。"),
        ParseErrorKind.MeetingInPast => Pick(
            $"The meeting time \"{error.Detail}\" has already begun or passed; give a time from now on.",
            $"會議時間「{error.Detail}」已經開始或過去，請給現在以後的時間。",
            $"会议时间「{error.Detail}」已经开始或过去，请给现在以后的时间。"),
        ParseErrorKind.MeetingTooLong => Pick(
            $"The meeting time \"{error.Detail}\" is longer than {(int)TimeRange.Longest.TotalHours} hours; check the times or split it into several meetings.",
            $"會議時間「{error.Detail}」超過 {(int)TimeRange.Longest.TotalHours} 小時，請檢查時間或分成幾場。",
            $"会议时间「{error.Detail}」超过 {(int)TimeRange.Longest.TotalHours} 小时，请检查时间或分成几场。"),
        ParseErrorKind.MissingLeaders => Pick(
            "Which leaders should attend? Write \"leaders\" and mention each one with @.",
            "請寫「領導」並用 @ 標記出席的領導。",
            "请写「领导」并用 @ 标记出席的领导。"),
        ParseErrorKind.DepartmentTooLong => Pick(
            $"The department name is too long ({error.Detail} characters); keep it to {InputLimits.DepartmentName}.",
            $"部門名稱太長（{error.Detail} 字），請在 {InputLimits.DepartmentName} 字以內。",
            $"部门名称太长（{error.Detail} 字），请在 {InputLimits.DepartmentName} 字以内。"),
        ParseErrorKind.MissingAgendaLeader => Pick(
            "Whose agenda? Mention the leader with @, like \"agenda @Mei tomorrow\".",
            "要看哪位領導的日程？請用 @ 標記領導，例如「日程 @小美 明天」。",
            "要看哪位领导的日程？请用 @ 标记领导，例如「日程 @小美 明天」。"),
        ParseErrorKind.UnrecognisedAgendaDay => Pick(
            $"I did not understand \"{error.Detail}\". After the leader give one day or week, like \"tomorrow\", \"Dec 9\", \"next Wednesday\" or \"next week\".",
            $"看不懂「{error.Detail}」。領導後面請只寫一個日期或週，例如「明天」「12月9日」「下週三」「下週」。",
            $"看不懂「{error.Detail}」。领导后面请只写一个日期或周，例如「明天」「12月9日」「下周三」「下周」。"),
        ParseErrorKind.AgendaDayTooFar => Pick(
            $"\"{error.Detail}\" is more than {AgendaReach} from today; an agenda can be shown for days within {AgendaReach} either way.",
            $"「{error.Detail}」離今天超過 {AgendaCommand.ReachYears} 年；日程只能查看前後 {AgendaCommand.ReachYears} 年內的日子。",
            $"「{error.Detail}」离今天超过 {AgendaCommand.ReachYears} 年；日程只能查看前后 {AgendaCommand.ReachYears} 年内的日子。"),
        ParseErrorKind.MissingMeetingNumber => Pick(
            "Which meeting? Give its number, like M3.",
            "哪一場會議？請寫會議編號，例如 M3。",
            "哪一场会议？请写会议编号，例如 M3。"),
        _ => Pick("I did not understand that.", "看不懂這個指令。", "看不懂这个指令。"),
    };

    private static string AgendaReach => AgendaCommand.ReachYears == 1 ? "a year" : $"{AgendaCommand.ReachYears} years";

    public string UnknownMatter(int number) => Pick(
        $"There is no matter #{number} that you can see. \"my\" lists yours.",
        $"找不到您可查看的事項 #{number}。輸入「我的事項」看您的清單。",
        $"找不到您可查看的事项 #{number}。输入「我的事项」看您的清单。");

    public string PersonNotInConversation(string name) => Pick(
        $"{name} is not a member of this conversation, so I cannot assign them. Add them to the chat or team first.",
        $"{name} 不在這個對話中，無法指派。請先把他加入群組或團隊。",
        $"{name} 不在这个对话中，无法指派。请先把他加入群组或团队。");

    public string Refused(Refusal refusal, MatterStatus status) => refusal switch
    {
        Refusal.NotPermitted => Pick("You may not do that on this matter.", "您沒有權限對這件事項這樣做。", "您没有权限对这件事项这样做。"),
        Refusal.WrongStatus => Pick($"That cannot be done while the matter is {StatusName(status)}.",
            $"事項目前是「{StatusName(status)}」，不能這樣做。", $"事项目前是「{StatusName(status)}」，不能这样做。"),
        Refusal.ReasonRequired => Pick("Please give a reason.", "請說明理由。", "请说明理由。"),
        Refusal.TextRequired => Pick("Please say what was done.", "請寫明辦理情況。", "请写明办理情况。"),
        Refusal.DueInPast => Pick("That date is already past.", "這個日期已經過去。", "这个日期已经过去。"),
        Refusal.DueNotLater => Pick("An extension must be later than the current due date.", "延期的日期必須晚於目前期限。", "延期的日期必须晚于目前期限。"),
        Refusal.LeadRequired => Pick("A lead handler is needed first.", "需先指定主辦人。", "需先指定主办人。"),
        Refusal.SamePerson => Pick("That person already handles it.", "已經是這位同事在辦。", "已经是这位同事在办。"),
        Refusal.AlreadyPending => Pick("A request on this matter is already waiting for the director.", "這件事項已有申請在等主任審核。", "这件事项已有申请在等主任审核。"),
        Refusal.NothingPending => Pick("There is no request waiting on this matter.", "這件事項沒有待審的申請。", "这件事项没有待审的申请。"),
        Refusal.TransferWindowClosed => Pick($"A transfer can be asked within {Matter.TransferWindowWorkingDays} working days of assignment; ask the director instead.",
            $"轉辦須在交辦後 {Matter.TransferWindowWorkingDays} 個工作日內申請；請直接聯繫主任。", $"转办须在交办后 {Matter.TransferWindowWorkingDays} 个工作日内申请；请直接联系主任。"),
        Refusal.UrgedRecently => Pick("You urged this matter less than an hour ago; give the handlers a moment.", "您一小時內已催辦過這件事項，請稍候再催。", "您一小时内已催办过这件事项，请稍候再催。"),
        Refusal.TitleRequired => Pick("A new matter needs a title.", "新事項需要標題。", "新事项需要标题。"),
        Refusal.TitleTooLong => Pick($"Keep the title to {InputLimits.Title} characters.", $"標題請在 {InputLimits.Title} 字以內。", $"标题请在 {InputLimits.Title} 字以内。"),
        Refusal.TextTooLong => Pick($"That text is too long; keep it to {InputLimits.Text} characters. Nothing was changed.",
            $"文字太長，請在 {InputLimits.Text} 字以內。未作任何變更。", $"文字太长，请在 {InputLimits.Text} 字以内。未作任何变更。"),
        Refusal.DocumentNumberTooLong => Pick($"The document number is too long; keep it to {InputLimits.DocumentNumber} characters.",
            $"文號太長，請在 {InputLimits.DocumentNumber} 字以內。", $"文号太长，请在 {InputLimits.DocumentNumber} 字以内。"),
        Refusal.TooManyCoHandlers => Pick($"A matter can have at most {InputLimits.CoHandlers} co-handlers; choose fewer. Nothing was changed.",
            $"一件事項最多 {InputLimits.CoHandlers} 位會辦人，請減少人數。未作任何變更。", $"一件事项最多 {InputLimits.CoHandlers} 位会办人，请减少人数。未作任何变更。"),
        Refusal.DueTooFar => Pick($"A due date can be at most {InputLimits.DueHorizonYears} years ahead; give an earlier date.",
            $"期限最多只能訂在 {InputLimits.DueHorizonYears} 年內，請給較近的日期。", $"期限最多只能订在 {InputLimits.DueHorizonYears} 年内，请给较近的日期。"),
        _ => Pick("That was refused.", "操作未獲允許。", "操作未获允许。"),
    };

    // ── Inputs over their limits (the numbers come from InputLimits) ──────────────────────────────

    public string TooLarge => Pick(
        "That is too large to store, so nothing was changed. Shorten the text and try again.",
        "內容太大，無法儲存，未作任何變更。請縮短文字後再試。",
        "内容太大，无法保存，未作任何变更。请缩短文字后再试。");

    public string CardInputTooLong(int length) => Pick(
        $"A value on the card is too long ({length} characters); keep it to {InputLimits.CardInput}. Nothing was changed.",
        $"卡片上的內容太長（{length} 字），請在 {InputLimits.CardInput} 字以內。未作任何變更。",
        $"卡片上的内容太长（{length} 字），请在 {InputLimits.CardInput} 字以内。未作任何变更。");

    public string UnknownPeople => Pick(
        "Some of the people chosen are not known to OfficeBot: a person must be in this chat or team, or have used OfficeBot. Add them to the chat, or ask them to say hello to OfficeBot, then pick again. Nothing was changed.",
        "選擇的人員中有 OfficeBot 不認識的同事：對方須在這個聊天或團隊中，或用過 OfficeBot。請先把他加入聊天，或請他向 OfficeBot 打聲招呼，再重新選擇。未作任何變更。",
        "选择的人员中有 OfficeBot 不认识的同事：对方须在这个聊天或团队中，或用过 OfficeBot。请先把他加入聊天，或请他向 OfficeBot 打声招呼，再重新选择。未作任何变更。");

    public string TooManyPeople => Refused(Refusal.TooManyCoHandlers, MatterStatus.Registered);

    public string ActionNotUnderstood => Pick(
        "This button's data could not be read, so nothing was changed. Type \"my\" to see your matters with fresh cards.",
        "無法讀取這個按鈕的資料，未作任何變更。請輸入「我的事項」取得最新卡片。",
        "无法读取这个按钮的数据，未作任何变更。请输入「我的事项」获取最新卡片。");

    public string ActionFailed => Pick(
        "This press could not be answered. Type \"my\" to see the current state of your matters before trying again.",
        "這次操作無法回應。請先輸入「我的事項」查看最新狀態，再決定是否重試。",
        "这次操作无法响应。请先输入「我的事项」查看最新状态，再决定是否重试。");

    public string Busy => Pick("Many people changed this matter at once; please try again.", "多人同時修改這件事項，請再試一次。", "多人同时修改这件事项，请再试一次。");

    public string NotAMatterCard => Pick("This button does not belong to a matter card.", "這個按鈕不屬於任何事項卡片。", "这个按钮不属于任何事项卡片。");

    public string UnknownAction => Pick("This card is from an older version of OfficeBot; here is what I can do now.", "這張卡片來自舊版 OfficeBot，請改用新卡片。", "这张卡片来自旧版 OfficeBot，请改用新卡片。");

    public string InputProblem(string value) => Pick($"\"{value}\" is not a date; pick one from the calendar (YYYY-MM-DD).", $"「{value}」不是日期，請從日曆中選擇（YYYY-MM-DD）。", $"「{value}」不是日期，请从日历中选择（YYYY-MM-DD）。");

    /// <summary>What changed since a stale card was drawn: the latest history line, who and when.</summary>
    public string StaleCard(HistoryEntry? latest, Func<string, string> nameOf, Office.OfficeTime time)
    {
        if (latest is null)
        {
            return Pick("This card was out of date; here is the current state.", "這張卡片已過時，以下是最新狀態。", "这张卡片已过时，以下是最新状态。");
        }

        var when = time.ToLocal(latest.At).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var what = History(latest, nameOf);
        return Pick($"This card was out of date — {latest.Actor.DisplayName} {what} ({when}). Nothing was changed by your press; here is the current state.",
            $"這張卡片已過時 —— {latest.Actor.DisplayName}{what}（{when}）。您這次操作未生效，以下是最新狀態。",
            $"这张卡片已过时 —— {latest.Actor.DisplayName}{what}（{when}）。您这次操作未生效，以下是最新状态。");
    }

    // ── Notifications ───────────────────────────────────────────────────────────────────────────

    public string AssignedToYou(int number, string title) => Pick($"You are the lead handler of #{number} {title}.", $"您是 #{number} {title} 的主辦人。", $"您是 #{number} {title} 的主办人。");

    public string CoHandlingAsked(int number, string title) => Pick($"Please co-handle #{number} {title}.", $"請會辦 #{number} {title}。", $"请会办 #{number} {title}。");

    public string InstructionNeeded(int number, string title) => Pick($"#{number} {title} waits for your instruction.", $"#{number} {title} 待您批辦。", $"#{number} {title} 待您批办。");

    public string ReviewNeeded(int number, string title, RequestKind kind) => kind switch
    {
        RequestKind.Extension => Pick($"Extension asked for #{number} {title}.", $"#{number} {title} 申請延期，待您審核。", $"#{number} {title} 申请延期，待您审核。"),
        RequestKind.Transfer => Pick($"Transfer asked for #{number} {title}.", $"#{number} {title} 申請轉辦，待您審核。", $"#{number} {title} 申请转办，待您审核。"),
        _ => Pick($"#{number} {title} is ready for your review.", $"#{number} {title} 申請辦結，待您審核。", $"#{number} {title} 申请办结，待您审核。"),
    };

    public string Decided(int number, string title, string what) => Pick($"#{number} {title}: {what}.", $"#{number} {title}：{what}。", $"#{number} {title}：{what}。");

    public string Reminder(int number, string title) => Pick($"Automatic reminder: #{number} {title}.", $"自動催辦：#{number} {title}。", $"自动催办：#{number} {title}。");

    /// <summary>The text of one person's reminders sent together (the notification line; the card lists them).</summary>
    public string ReminderList(int count) => Pick($"Automatic reminders: {count} matters need you.", $"自動催辦：{count} 項事項待您處理。", $"自动催办：{count} 项事项待您处理。");

    /// <summary>Why an automatic reminder went out: its rule, with the working days left or late where the rule counts them.</summary>
    public string ReminderReason(string? rule, string? workingDays)
    {
        var n = int.TryParse(workingDays, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return Enum.TryParse<Domain.Reminders.ReminderRule>(rule, out var r) ? r switch
        {
            Domain.Reminders.ReminderRule.Receipt => Pick("not yet acknowledged", "尚未簽收", "尚未签收"),
            Domain.Reminders.ReminderRule.ReceiptEscalation => Pick($"not acknowledged a working day after being asked: {workingDays}", $"交辦一個工作日後仍未簽收：{workingDays}",
                $"交办一个工作日后仍未签收：{workingDays}"),
            Domain.Reminders.ReminderRule.DueSoon => Pick($"due in {n} working day{(n == 1 ? string.Empty : "s")}", $"距期限還有 {n} 個工作日", $"距期限还有 {n} 个工作日"),
            Domain.Reminders.ReminderRule.DueToday => Pick("due today", "今天到期", "今天到期"),
            _ => Pick($"overdue by {n} working day{(n == 1 ? string.Empty : "s")}", $"已逾期 {n} 個工作日", $"已逾期 {n} 个工作日"),
        } : rule ?? "—";
    }

    public string UrgedBy(int number, string title, string who) => Pick($"{who} urges #{number} {title}.", $"{who} 催辦 #{number} {title}。", $"{who} 催办 #{number} {title}。");

    public string RightFormLabel => Pick("Right form", "正確格式", "正确格式");

    // ── What happened ───────────────────────────────────────────────────────────────────────────

    public string Registered(int number, bool awaitingInstruction, bool byDirector) => (awaitingInstruction, byDirector) switch
    {
        (false, _) => Pick($"Registered #{number} and assigned.", $"已登記並交辦 #{number}。", $"已登记并交办 #{number}。"),
        // Points at the button the card below shows, by the label it shows.
        (true, true) => Pick($"Registered #{number}. Press \"{CardText.For(Language).ActInstruct}\" to name its lead and start it.",
            $"已登記 #{number}。按「{CardText.For(Language).ActInstruct}」指定主辦人即開始辦理。", $"已登记 #{number}。点「{CardText.For(Language).ActInstruct}」指定主办人即开始办理。"),
        _ => Pick($"Registered #{number}. It waits for the director's instruction.", $"已登記 #{number}，待主任批辦。", $"已登记 #{number}，待主任批办。"),
    };

    /// <summary>
    /// A due date on a day off is accepted as given (the person may mean it), with the working day before it named,
    /// since that is when the work is really needed; null when <paramref name="due"/> is a working day.
    /// </summary>
    public string? DayOffNote(DueDate? due, WorkingCalendar calendar)
    {
        if (due is not { Date: var day } || calendar.IsWorkingDay(day))
        {
            return null;
        }

        var before = calendar.LastWorkingDayBefore(day);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var month = before.ToString("MMM", CultureInfo.InvariantCulture);
        var holiday = calendar.Special(day) is { Kind: CalendarDayKind.Holiday, Name: { Length: > 0 } name } ? name : null;
        return Pick(
            $"Due on {(holiday is not null ? $"a holiday ({holiday})" : weekend ? $"a {day.DayOfWeek}" : "a holiday")} — {before.DayOfWeek} {before.Day} {month} is the last working day before it.",
            $"期限是{(holiday is not null ? $"假日（{holiday}）" : weekend ? ChineseWeekday(day) : "假日")}——此前最後一個工作日是{before.Month}月{before.Day}日（{ChineseWeekday(before)}）。",
            $"期限是{(holiday is not null ? $"假日（{holiday}）" : weekend ? ChineseWeekday(day) : "假日")}——此前最后一个工作日是{before.Month}月{before.Day}日（{ChineseWeekday(before)}）。");
    }

    // 星期 names are written alike in both scripts.
    private static string ChineseWeekday(DateOnly day) => "星期" + "日一二三四五六"[(int)day.DayOfWeek];

    public string Acknowledged(int number) => Pick($"Receipt of #{number} acknowledged.", $"已簽收 #{number}。", $"已签收 #{number}。");

    public string AlreadyAcknowledged(int number) => Pick($"You had already acknowledged #{number}.", $"#{number} 您先前已簽收。", $"#{number} 您先前已签收。");

    public string ProgressRecorded(int number) => Pick($"Progress on #{number} recorded.", $"#{number} 的進度已記錄。", $"#{number} 的进度已记录。");

    public string CompletionAsked(int number) => Pick($"#{number} is sent to the director for review.", $"#{number} 已送主任審核辦結。", $"#{number} 已送主任审核办结。");

    public string Urged(int number) => Pick($"Urged #{number}.", $"已催辦 #{number}。", $"已催办 #{number}。");

    public string ExtensionAsked(int number) => Pick($"Extension of #{number} asked; the director decides.", $"#{number} 延期申請已送主任。", $"#{number} 延期申请已送主任。");

    public string Extended(int number) => Pick($"Due date of #{number} moved.", $"#{number} 期限已變更。", $"#{number} 期限已变更。");

    public string TransferAsked(int number) => Pick($"Transfer of #{number} asked; the director decides.", $"#{number} 轉辦申請已送主任。", $"#{number} 转办申请已送主任。");

    public string Transferred(int number) => Pick($"#{number} transferred.", $"#{number} 已轉辦。", $"#{number} 已转办。");

    public string RegisteredButNotShown(int number) => Pick(
        $"Registered #{number}, but its card could not be shown. Type \"show #{number}\" to see it; do not register it again.",
        $"已登記 #{number}，但卡片無法顯示。請輸入「查看 #{number}」查看，不必重新登記。",
        $"已登记 #{number}，但卡片无法显示。请输入「查看 #{number}」查看，不必重新登记。");

    public string ChangedButNotShown(int number) => Pick(
        $"#{number} was updated, but its card could not be shown. Type \"show #{number}\" to see it.",
        $"#{number} 已更新，但卡片無法顯示。請輸入「查看 #{number}」查看。",
        $"#{number} 已更新，但卡片无法显示。请输入「查看 #{number}」查看。");

    public string StoreBusy => Pick(
        "The office's records are busy right now and nothing was changed; please try again in a moment.",
        "辦公室紀錄正忙，沒有任何資料被更改，請稍後再試。",
        "办公室记录正忙，没有任何数据被更改，请稍后再试。");

    public string NothingChanged(int number) => Pick($"#{number} was already so; nothing changed.", $"#{number} 已是如此，未作變更。", $"#{number} 已是如此，未作变更。");

    public string ReportHeading(bool wholeOffice) => wholeOffice
        ? Pick("Supervision report: the whole office", "督辦通報：全辦", "督办通报：全办")
        : Pick("Supervision report: my matters", "督辦通報：我的事項", "督办通报：我的事项");

    public string ListHeading(MatterListKind kind) => kind switch
    {
        MatterListKind.Overdue => Pick("Overdue matters", "逾期事項", "逾期事项"),
        MatterListKind.AwaitingReview => Pick("Awaiting review", "待審核事項", "待审核事项"),
        _ => Pick("My open matters", "我的事項", "我的事项"),
    };

    public string HolidaysHeading(int days) => Pick($"Days off and make-up working days in the next {days} days",
        $"未來 {days} 天的放假日與補班日", $"未来 {days} 天的放假日和调休上班日");

    public string HolidaysEmpty(int days) => Pick($"No holidays or make-up working days in the next {days} days; weekends are not listed.",
        $"未來 {days} 天沒有國定假日或補班日（週末不列出）。", $"未来 {days} 天没有节假日或调休上班日（周末不列出）。");

    public string ListEmpty(MatterListKind kind) => kind switch
    {
        MatterListKind.Overdue => Pick("Nothing is overdue. 🎉", "沒有逾期事項。🎉", "没有逾期事项。🎉"),
        MatterListKind.AwaitingReview => Pick("Nothing awaits review.", "沒有待審核的事項。", "没有待审核的事项。"),
        _ => Pick("You have no open matters.", "您目前沒有未結事項。", "您目前没有未结事项。"),
    };

    // ── History lines on cards ──────────────────────────────────────────────────────────────────

    public string History(HistoryEntry entry, Func<string, string> nameOf)
    {
        var note = entry.Note is null ? string.Empty : Pick($": {entry.Note}", $"：{entry.Note}", $"：{entry.Note}");
        string Status(string? value) => Enum.TryParse<MatterStatus>(value, out var s) ? StatusName(s) : value ?? "—";
        return entry.Kind switch
        {
            HistoryKind.Registered => Pick($"registered ({Status(entry.NewValue)})", $"登記（{Status(entry.NewValue)}）", $"登记（{Status(entry.NewValue)}）"),
            HistoryKind.Instructed => entry.Field switch
            {
                "lead" => Pick($"assigned lead {nameOf(entry.NewValue ?? "")}", $"指定主辦 {nameOf(entry.NewValue ?? "")}", $"指定主办 {nameOf(entry.NewValue ?? "")}"),
                "due" => Pick($"due {entry.OldValue ?? "—"} → {entry.NewValue}", $"期限 {entry.OldValue ?? "—"} → {entry.NewValue}", $"期限 {entry.OldValue ?? "—"} → {entry.NewValue}"),
                "instruction" => Pick($"instruction: {entry.NewValue}", $"批示：{entry.NewValue}", $"批示：{entry.NewValue}"),
                "coHandlers" => Pick("co-handlers changed", "調整會辦單位", "调整会办单位"),
                _ => Pick($"instructed ({Status(entry.OldValue)} → {Status(entry.NewValue)})", $"批辦（{Status(entry.OldValue)} → {Status(entry.NewValue)}）", $"批办（{Status(entry.OldValue)} → {Status(entry.NewValue)}）"),
            },
            HistoryKind.Acknowledged => Pick("acknowledged receipt", "簽收", "签收"),
            HistoryKind.Progress => Pick($"progress{note}", $"進度{note}", $"进度{note}"),
            HistoryKind.CompletionAsked => Pick($"asked completion{note}", $"申請辦結{note}", $"申请办结{note}"),
            HistoryKind.CompletionApproved => Pick("approved completion", "核准辦結", "核准办结"),
            HistoryKind.CompletionRejected => Pick($"sent back{note}", $"退辦{note}", $"退办{note}"),
            HistoryKind.ExtensionAsked => Pick($"asked extension to {entry.NewValue}{note}", $"申請延期至 {entry.NewValue}{note}", $"申请延期至 {entry.NewValue}{note}"),
            HistoryKind.ExtensionApproved => Pick($"approved extension {entry.OldValue} → {entry.NewValue}", $"核准延期 {entry.OldValue} → {entry.NewValue}", $"核准延期 {entry.OldValue} → {entry.NewValue}"),
            HistoryKind.ExtensionRejected => Pick($"refused extension{note}", $"不同意延期{note}", $"不同意延期{note}"),
            HistoryKind.Extended => Pick($"moved due {entry.OldValue ?? "—"} → {entry.NewValue}{note}", $"變更期限 {entry.OldValue ?? "—"} → {entry.NewValue}{note}", $"变更期限 {entry.OldValue ?? "—"} → {entry.NewValue}{note}"),
            HistoryKind.TransferAsked => Pick($"asked transfer to {nameOf(entry.NewValue ?? "")}{note}", $"申請轉辦給 {nameOf(entry.NewValue ?? "")}{note}", $"申请转办给 {nameOf(entry.NewValue ?? "")}{note}"),
            HistoryKind.TransferApproved or HistoryKind.Transferred => Pick($"transferred to {nameOf(entry.NewValue ?? "")}{note}", $"轉辦給 {nameOf(entry.NewValue ?? "")}{note}", $"转办给 {nameOf(entry.NewValue ?? "")}{note}"),
            HistoryKind.TransferRejected => Pick($"refused transfer{note}", $"不同意轉辦{note}", $"不同意转办{note}"),
            HistoryKind.CoHandlingAccepted => Pick("accepted co-handling", "同意會辦", "同意会办"),
            HistoryKind.CoHandlingDeclined => Pick($"declined co-handling{note}", $"婉拒會辦{note}", $"婉拒会办{note}"),
            HistoryKind.OpinionGiven => Pick($"gave an opinion{note}", $"會辦意見{note}", $"会办意见{note}"),
            HistoryKind.PartDone => Pick("finished their part", "會辦部分完成", "会办部分完成"),
            HistoryKind.Urged => Pick($"urged{note}", $"催辦{note}", $"催办{note}"),
            HistoryKind.Cancelled => Pick($"cancelled{note}", $"撤銷{note}", $"撤销{note}"),
            HistoryKind.Archived => Pick("archived", "歸檔", "归档"),
            HistoryKind.Reminded => Pick($"automatic reminder ({ReminderReason(entry.NewValue, entry.Note)})", $"自動催辦（{ReminderReason(entry.NewValue, entry.Note)}）",
                $"自动催办（{ReminderReason(entry.NewValue, entry.Note)}）"),
            _ => entry.Kind.ToString(),
        };
    }

    public string StatusName(MatterStatus status) => status switch
    {
        MatterStatus.Registered => Pick("registered", "登記", "登记"),
        MatterStatus.InProgress => Pick("in progress", "辦理中", "办理中"),
        MatterStatus.AwaitingReview => Pick("awaiting review", "待審核", "待审核"),
        MatterStatus.Completed => Pick("completed", "辦結", "办结"),
        MatterStatus.Cancelled => Pick("cancelled", "已取消", "已取消"),
        _ => Pick("archived", "歸檔", "归档"),
    };

    /// <summary>To the directors with the morning report: department heads named only as heads whom the bot has never met (<c>秘書處 (aad-…)</c>, joined).</summary>
    public string UnknownHeads(string departments) => Pick(
        $"Please check the department heads in the configuration (Office:Departments): {departments}. Each is neither among their department's members nor a director or leader, and has never used OfficeBot, so escalations to them may reach nobody.",
        $"請檢查設定中的部門主管（Office:Departments）：{departments}。其不在該部門成員中，也不是主任或領導，且從未使用過 OfficeBot，逾期升級通知可能無人收到。",
        $"请检查配置中的部门主管（Office:Departments）：{departments}。其不在该部门成员中，也不是主任或领导，且从未使用过 OfficeBot，逾期升级通知可能无人收到。");

    private string Pick(string english, string traditional, string simplified) => Language switch
    {
        Language.Traditional => traditional,
        Language.Simplified => simplified,
        _ => english,
    };
}
