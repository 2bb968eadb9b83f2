namespace OfficeBot.Commands;

// Prepares a fragment for the date recogniser, whose Chinese model only knows Simplified time words.
// Every mapping is one character to one character, so positions in the result are positions in the original.
internal static class DateTextNormaliser
{
    // Traditional → Simplified (點→点, 週→周, 後→后, 內→内, 個→个, 鐘→钟, 號→号, 禮拜→礼拜, 兩→两, 這→这 …) from ScriptDetector's table.
    public static string Normalise(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '０' and <= '９' => (char)(c - '０' + '0'),
                    '：' => ':',
                    '／' => '/',
                    '－' => '-',
                    '\u3000' => ' ',
                    _ => ScriptDetector.ToSimplified(c),
                };
            }
        });
}
