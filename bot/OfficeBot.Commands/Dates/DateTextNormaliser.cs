namespace OfficeBot.Commands;

// Prepares a fragment for the date recogniser, whose Chinese model only knows Simplified time words.
// Every mapping is one character to one character, so positions in the result are positions in the original.
internal static class DateTextNormaliser
{
    // Traditional time words → Simplified (點→点, 週→周, 後→后, 內→内, 個→个, 鐘→钟, 號→号, 禮拜→礼拜, 兩→两, 這→这 …).
    private const string Traditional = "長點週後內個鐘號禮兩這時間幾過還從開來當現淩離剛頭會將為終節國慶聖誕勞動兒師農曆陽陰";
    private const string Simplified = "长点周后内个钟号礼两这时间几过还从开来当现凌离刚头会将为终节国庆圣诞劳动儿师农历阳阴";

    private static readonly Dictionary<char, char> Map = Traditional.Zip(Simplified).ToDictionary(p => p.First, p => p.Second);

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
                    _ => Map.TryGetValue(c, out var simplified) ? simplified : c,
                };
            }
        });
}
