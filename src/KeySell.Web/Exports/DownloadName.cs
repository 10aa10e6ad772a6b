using System.Text;

namespace KeySell.Web.Exports;

/// <summary>
/// The name a download is saved under — a sheet's PDF or workbook, a map's SVG or PNG: its parts joined by " - ", with
/// only characters every file system and browser accept (letters of any script, so Chinese is kept, digits, space and
/// <c>-_.()</c>), each part at most 80 characters.
/// </summary>
public static class DownloadName
{
    public static string Of(string extension, string fallback, params string?[] parts)
    {
        var name = string.Join(" - ", parts.Select(p => p is null ? "" : Safe(p)).Where(p => p.Length > 0));
        return (name.Length == 0 ? fallback : name) + "." + extension;
    }

    private static string Safe(string text)
    {
        var clean = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
            clean.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')' ? c : ' ');
        var collapsed = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        return collapsed.Length > 80 ? collapsed[..80].TrimEnd() : collapsed;
    }
}
