using System.Globalization;
using System.Net.Mail;
using KeySell.Domain.Opportunities;

namespace KeySell.Application.Imports;

/// <summary>How the text of a cell becomes a KeySell value, the way the CRMs write dates, numbers and stages.</summary>
public static class CellValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-ddTHH:mm:ssZ", "yyyy/MM/dd HH:mm",
        "M/d/yyyy", "MM/dd/yyyy", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm",
        "yyyy年M月d日", "yyyy年MM月dd日",
    ];

    /// <summary>A date as ISO (2027-03-31), with slashes or dots, US month/day/year (Salesforce and Dynamics reports) or 2027年3月31日.</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            date = DateOnly.FromDateTime(moment);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>A number with a decimal point and optional thousands commas (1,200,000.50), optionally with a currency code or sign before it.</summary>
    public static bool TryNumber(string text, out decimal number)
    {
        var trimmed = text.Trim().TrimStart('¥', '￥', '$', '€', '£').Trim();
        return decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
    }

    public static bool IsEmail(string text) => MailAddress.TryCreate(text, out var parsed) && parsed.Address == text;

    /// <summary>
    /// Text a spreadsheet would run as a formula when the data is exported again (CSV injection):
    /// starting with =, @, or + or - not followed by a number (a phone number "+86 138…" or an amount "-5" is data).
    /// Such a cell is refused with a problem, never stored (decision 0013).
    /// </summary>
    public static bool IsFormulaLike(string text)
    {
        if (text.Length == 0) return false;
        switch (text[0])
        {
            case '=' or '@' or '\t' or '\r': return true;
            case '+' or '-':
                var rest = text.AsSpan(1).Trim();
                if (rest.Length == 0) return text.Length > 1;
                foreach (var c in rest)
                    if (!(char.IsAsciiDigit(c) || c is ' ' or '.' or ',' or '(' or ')' or '-')) return true;
                return false;
            default: return false;
        }
    }

    /// <summary>
    /// A CRM's stage as a funnel level (decision 0013): closed won → won, closed lost → lost; early
    /// stages (prospecting, qualification, appointment) above the funnel; working stages (needs analysis,
    /// value proposition, decision makers, develop) in the funnel; proposal, quote, negotiation, contract
    /// → best few. A stage not known here is null: the row is reported, not guessed.
    /// </summary>
    public static FunnelLevel? Stage(string text)
    {
        var key = ImportFields.Normalise(text);
        if (key.Length == 0) return null;
        if (key.Contains("won") || key.Contains("赢单") || key.Contains("成交") || key == "closedwon" || key == "签约") return FunnelLevel.Won;
        if (key.Contains("lost") || key.Contains("输单") || key.Contains("丢单") || key.Contains("失败")) return FunnelLevel.Lost;
        if (key.Contains("proposal") || key.Contains("quote") || key.Contains("negotiat") || key.Contains("contract") || key is "propose" or "close"
            || key.Contains("报价") || key.Contains("谈判") || key.Contains("合同") || key.Contains("方案")) return FunnelLevel.BestFew;
        if (key.Contains("needs") || key.Contains("value") || key.Contains("decisionmaker") || key.Contains("perception") || key.Contains("presentation")
            || key is "develop" or "qualifiedtobuy" || key.Contains("需求") || key.Contains("决策") || key.Contains("演示")) return FunnelLevel.In;
        if (key.Contains("prospect") || key.Contains("qualif") || key.Contains("appointment") || key.Contains("lead") || key is "qualify"
            || key.Contains("初步") || key.Contains("线索") || key.Contains("潜在") || key.Contains("资格")) return FunnelLevel.Above;
        return null;
    }

    /// <summary>A person's name from first and last name: 王 + 芳 → 王芳, John + Smith → John Smith.</summary>
    public static string PersonName(string first, string last)
    {
        if (first.Length == 0) return last;
        if (last.Length == 0) return first;
        return IsCjk(last) && IsCjk(first) ? last + first : first + " " + last;
    }

    private static bool IsCjk(string text) => text.All(c => c >= '\u3400' && c <= '\u9fff');
}
