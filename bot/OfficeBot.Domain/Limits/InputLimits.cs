namespace OfficeBot.Domain.Limits;

/// <summary>
/// How much of anything a person may send: the one table the parser, the domain, the card actions, the cards' input
/// fields and the storage checks all read. A value over its limit is refused with a reply that names the limit —
/// never stored, never cut silently.
/// </summary>
public static class InputLimits
{
    /// <summary>A matter's title.</summary>
    public const int Title = 200;

    /// <summary>Every free text a person writes about a matter: progress notes, reasons, opinions, instructions, urge texts.</summary>
    public const int Text = 2000;

    /// <summary>A document reference number (文號).</summary>
    public const int DocumentNumber = 64;

    /// <summary>Co-handlers of one matter: Teams refreshes a card for at most 60 users (refresh.userIds).</summary>
    public const int CoHandlers = 60;

    /// <summary>How far ahead a due date may lie.</summary>
    public const int DueHorizonYears = 5;

    /// <summary>A whole chat message; longer text is answered with the limits instead of being parsed.</summary>
    public const int Message = 8000;

    /// <summary>One value of a card's form (inputs arrive as strings in the action's data).</summary>
    public const int CardInput = Text;

    /// <summary>An Action.Execute verb; OfficeBot's own are short words.</summary>
    public const int Verb = 64;

    /// <summary>Ids that arrive in activities and card data (Teams ids, Entra object ids, conversation and activity ids).</summary>
    public const int Id = 256;

    /// <summary>A department's name, set by an administrator and shown beside people on cards.</summary>
    public const int DepartmentName = 64;

    /// <summary>Departments in one office's configuration.</summary>
    public const int Departments = 500;

    /// <summary>Values written into log lines (after control characters are replaced).</summary>
    public const int LogValue = 200;

    /// <summary>The last day a due date may fall on, counted from <paramref name="today"/>.</summary>
    public static DateOnly LatestDue(DateOnly today) => today.AddYears(DueHorizonYears);
}
