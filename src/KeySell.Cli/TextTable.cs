namespace KeySell.Cli;

/// <summary>Columns padded to their widest cell, for lists read at a terminal (scripts use <c>--json</c>).</summary>
public static class TextTable
{
    public static async Task WriteAsync(Terminal terminal, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, column) => all.Max(row => Width(row[column]))).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, column) => column == row.Count - 1 ? cell : cell + new string(' ', widths[column] - Width(cell)));
            await terminal.Out.WriteLineAsync(string.Join("  ", cells).TrimEnd());
        }
    }

    /// <summary>Chinese characters take two columns in a terminal.</summary>
    private static int Width(string text) => text.Sum(c => c is >= '\u1100' and (<= '\u115f' or >= '\u2e80' and <= '\ua4cf' or >= '\uac00' and <= '\ud7a3' or >= '\uf900' and <= '\ufaff' or >= '\ufe30' and <= '\ufe4f' or >= '\uff00' and <= '\uff60' or >= '\uffe0' and <= '\uffe6') ? 2 : 1);
}
