using System.CommandLine;
using KeySell.Cli.Sheets;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell generate-sheets</c>: synthetic sheets as JSON Lines, for tests and benchmarks of <c>analyze --jsonl</c>.</summary>
public static class GenerateSheetsCommand
{
    private const int Batch = 1000;

    public static Command Create(Terminal terminal)
    {
        var count = new Option<int>("--count")
        {
            Description = "How many sheets to write.",
            Required = true,
            HelpName = "N",
        };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--count must be 0 or more.");
        });
        var seed = new Option<int>("--seed")
        {
            Description = "The same seed gives the same sheets, byte for byte.",
            DefaultValueFactory = _ => 1,
            HelpName = "S",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write to this file instead of standard output.",
            HelpName = "FILE",
        };
        var command = new Command("generate-sheets",
            "Write realistic synthetic strategy sheets, one per line (JSON Lines), in the format 'keysell analyze --jsonl' reads.")
        {
            count, seed, output,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var generator = new SheetGenerator(parsed.GetValue(seed));
            var path = parsed.GetValue(output);
            if (path is null)
            {
                // The generator writes bytes and the terminal takes text: a batch at a time keeps memory flat for any count.
                using var buffer = new MemoryStream();
                for (var left = parsed.GetValue(count); left > 0; left -= Batch)
                {
                    buffer.SetLength(0);
                    generator.Write(buffer, Math.Min(left, Batch));
                    await terminal.Out.WriteAsync(SheetInput.Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), ct);
                }
                await terminal.Out.FlushAsync(ct);
                return ExitCodes.Done;
            }
            try
            {
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                generator.Write(file, parsed.GetValue(count));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliFailure.Failed($"cannot write {path}: {e.Message}");
            }
            return ExitCodes.Done;
        });
        return command;
    }
}
