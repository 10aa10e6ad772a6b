namespace KeySell.Web.Exports;

/// <summary>
/// Keeps a spreadsheet from running what a user typed: text that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return is what Excel, LibreOffice and Google Sheets read as a formula (or as the start of one,
/// after a paste into a CSV), so it is stored with a leading apostrophe, the spreadsheets' own mark for "this is text".
/// Only text is guarded: a number (−3 support, an amount) stays a number. See docs/security.md.
/// </summary>
public static class FormulaGuard
{
    public static string? Text(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
