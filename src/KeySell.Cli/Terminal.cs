namespace KeySell.Cli;

/// <summary>
/// Where the CLI reads and writes, so tests can run it in-process and read what it printed. Input is bytes: sheets are
/// UTF-8, checked and measured before anything is decoded.
/// </summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, Stream In);

public static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}

/// <summary>Ends a command with an exit code and the lines that explain why, one per problem.</summary>
public sealed class CliFailure(int exitCode, IReadOnlyList<string> lines) : Exception(string.Join(Environment.NewLine, lines))
{
    public int ExitCode { get; } = exitCode;
    public IReadOnlyList<string> Lines { get; } = lines;

    public static CliFailure BadInput(IReadOnlyList<string> lines) => new(ExitCodes.BadInput, lines);

    public static CliFailure BadInput(string line) => new(ExitCodes.BadInput, ["keysell: " + line]);

    public static CliFailure Failed(string line) => new(ExitCodes.Failed, ["keysell: " + line]);
}
