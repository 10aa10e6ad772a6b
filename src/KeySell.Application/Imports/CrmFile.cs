using System.Globalization;
using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace KeySell.Application.Imports;

/// <summary>The two file formats CRMs export to.</summary>
public enum CrmFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Reads a CRM export one row at a time, whatever its size: CSV with Sep (separator detected from the
/// header, quotes unescaped, UTF-8 or UTF-16 by byte-order mark), XLSX with MiniExcel's streaming reader
/// (the first sheet). The first row names the columns. Only the current row is held, so memory stays flat.
/// </summary>
public static class CrmFile
{
    /// <summary>The format by the file's first bytes (an XLSX is a zip), not by its name.</summary>
    public static CrmFileFormat Detect(string path)
    {
        Span<byte> start = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        return read == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4 ? CrmFileFormat.Xlsx : CrmFileFormat.Csv;
    }

    /// <summary>The column names of the first row.</summary>
    public static IReadOnlyList<string> Columns(string path)
    {
        foreach (var row in Rows(path, CancellationToken.None)) return row.ToArray();
        return [];
    }

    /// <summary>
    /// Every row, the column names first. The array handed out is reused for the next row (so a
    /// 10-million-row file costs no more than one row): copy what must be kept.
    /// </summary>
    public static IEnumerable<string[]> Rows(string path, CancellationToken ct) =>
        Detect(path) == CrmFileFormat.Xlsx ? XlsxRows(path, ct) : CsvRows(path, ct);

    private static IEnumerable<string[]> CsvRows(string path, CancellationToken ct)
    {
        using var text = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        var cells = Array.Empty<string>();
        foreach (var row in reader)
        {
            ct.ThrowIfCancellationRequested();
            if (cells.Length != row.ColCount) cells = new string[row.ColCount];
            for (var i = 0; i < row.ColCount; i++) cells[i] = row[i].ToString();
            // Excel's "save as CSV" ends some files with an empty line.
            if (cells.Length == 1 && cells[0].Length == 0) continue;
            yield return cells;
        }
    }

    private static IEnumerable<string[]> XlsxRows(string path, CancellationToken ct)
    {
        using var stream = File.OpenRead(path);
        var cells = Array.Empty<string>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            ct.ThrowIfCancellationRequested();
            if (cells.Length != row.Count) cells = new string[row.Count];
            var i = 0;
            var empty = true;
            foreach (var value in row.Values)
            {
                cells[i] = Cell(value);
                empty &= cells[i].Length == 0;
                i++;
            }
            if (empty) continue;
            yield return cells;
        }
    }

    /// <summary>A typed spreadsheet cell as the text a CSV export would hold: dates as ISO dates, numbers invariant.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
