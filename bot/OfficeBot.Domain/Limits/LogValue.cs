using System.Text;

namespace OfficeBot.Domain.Limits;

/// <summary>
/// Makes a value that came from outside (a card verb, an id, a reason) safe to write into a log line: a newline in it
/// would forge a second log line, and a 100 KB value would make a 100 KB line.
/// </summary>
public static class LogValue
{
    /// <summary>
    /// Control and line-separator characters become <c>?</c>, and the value is cut to <see cref="InputLimits.LogValue"/>
    /// characters with a marker saying how long it was.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var length = Math.Min(value.Length, InputLimits.LogValue);
        var text = new StringBuilder(length + 24);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? '?' : c);
        }

        if (value.Length > InputLimits.LogValue)
        {
            text.Append("…(").Append(value.Length).Append(" chars)");
        }

        return text.ToString();
    }
}
