using System.Text;
using KeySell.Application.Sheets;
using KeySell.Domain.Sheets;

namespace KeySell.Cli.Commands;

/// <summary>Reads a sheet from a file or, for <c>-</c>, standard input; any problem ends the command with exit code 2.</summary>
public static class SheetInput
{
    public const string Stdin = "-";
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>How problems name the sheet: the path as given, or <c>stdin</c>.</summary>
    public static string SourceName(string path) => path == Stdin ? "stdin" : path;

    /// <summary>
    /// A file over the limit is refused by its size without being read; standard input (or a pipe) is read up to one
    /// byte past the limit and no further.
    /// </summary>
    public static async Task<StrategySheet> ReadAsync(string path, Terminal terminal, CancellationToken cancellationToken)
    {
        SheetReadResult read;
        if (path == Stdin)
        {
            read = await SheetReader.ReadAsync(terminal.In, declaredLength: null, cancellationToken);
        }
        else
        {
            try
            {
                await using var file = Open(path);
                read = await SheetReader.ReadAsync(file, file.CanSeek ? file.Length : null, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliFailure.BadInput($"cannot read {path}: {e.Message}");
            }
        }
        return read.Sheet ?? throw CliFailure.BadInput(read.Problems.Select(p => Line(SourceName(path), p)).ToList());
    }

    /// <summary>Unbuffered: the readers here read in large blocks of their own.</summary>
    public static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);

    /// <summary>
    /// One problem as one line: <c>sheet.json: $.influences[1].support: …</c>, or without a path for a problem with
    /// the whole input (<c>big.json: The sheet is larger than 2,000,000 bytes (the limit).</c>).
    /// </summary>
    public static string Line(string source, SheetProblem problem) =>
        problem.Path.Length == 0 ? $"{source}: {problem.Message}" : $"{source}: {problem.Path}: {problem.Message}";
}
