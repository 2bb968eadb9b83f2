using OfficeBot.Domain.Office;

namespace OfficeBot.Commands;

// Tells Traditional from Simplified by counting characters that exist in only one of the two scripts, and folds text
// to Simplified so that words typed in a mix of the two (会辦, 领導交辦) are still recognised.
internal static class ScriptDetector
{
    // Pairs of common office and time words' characters that differ between the scripts (Traditional[i] ↔ Simplified[i]).
    // The one table of such pairs: the date recogniser's normalisation and the keyword folding read it too.
    private const string TraditionalOnly = "們這個說請謝問題項辦報議審簽進轉務發記錄單門級領導結員關與專業實際經應該東車長間電話預準備讀寫處給讓麼嗎見覺總體區縣廳資檔書財稅據統計劃規範標層組織隊幹歷點週後內鐘號禮兩時幾過還從開來當現會將為節國慶勞動淩離剛頭終聖誕兒師農曆陽陰協幫";
    private const string SimplifiedOnly = "们这个说请谢问题项办报议审签进转务发记录单门级领导结员关与专业实际经应该东车长间电话预准备读写处给让么吗见觉总体区县厅资档书财税据统计划规范标层组织队干历点周后内钟号礼两时几过还从开来当现会将为节国庆劳动凌离刚头终圣诞儿师农历阳阴协帮";

    private static readonly HashSet<char> Traditional = [.. TraditionalOnly];
    private static readonly HashSet<char> Simplified = [.. SimplifiedOnly];
    private static readonly Dictionary<char, char> SimplifiedOf = TraditionalOnly.Zip(SimplifiedOnly).ToDictionary(p => p.First, p => p.Second);

    public static char ToSimplified(char c) => SimplifiedOf.TryGetValue(c, out var simplified) ? simplified : c;

    // One character for one, so a position in the result is the same position in text.
    public static string ToSimplified(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = ToSimplified(source[i]);
            }
        });

    public static bool HasCjk(string text) => text.Any(IsCjk);

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    // The Chinese script of text, or null when it has no telling character.
    public static Language? ChineseScriptOf(string text)
    {
        int traditional = 0, simplified = 0;
        foreach (var c in text)
        {
            if (Traditional.Contains(c))
            {
                traditional++;
            }
            else if (Simplified.Contains(c))
            {
                simplified++;
            }
        }

        return traditional > simplified ? Language.Traditional
            : simplified > traditional ? Language.Simplified
            : null;
    }
}
