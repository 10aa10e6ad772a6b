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

    public static async Task<StrategySheet> ReadAsync(string path, Terminal terminal, CancellationToken cancellationToken)
    {
        string json;
        if (path == Stdin)
        {
            json = await terminal.In.ReadToEndAsync(cancellationToken);
        }
        else
        {
            try
            {
                json = await File.ReadAllTextAsync(path, Utf8, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliFailure.BadInput($"cannot read {path}: {e.Message}");
            }
        }
        var read = SheetReader.Read(json);
        return read.Sheet ?? throw CliFailure.BadInput(read.Problems.Select(p => $"{SourceName(path)}: {p.Path}: {p.Message}").ToList());
    }
}
