using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KeySell.Application.RedFlags;
using KeySell.Application.Sheets;
using KeySell.Domain.Sheets;

namespace KeySell.Cli.Commands;

/// <summary>
/// <c>keysell analyze</c>: judges a sheet file by the method, without a database, with the team's
/// thresholds from the configuration, and prints the analysis in the contract's output format.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create(CliHost host, Terminal terminal, TimeProvider time)
    {
        var file = new Argument<string>("FILE") { Description = "The strategy sheet to judge, or '-' for standard input." };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Judge the sheet as of this day (YYYY-MM-DD) instead of the sheet's asOf, or today when it has none.",
            HelpName = "DATE",
        };
        var fitThreshold = new Option<decimal?>("--fit-threshold")
        {
            Description = "Ideal-customer scores below this raise poor-fit. Default: the team's KeySell:Analysis:FitThreshold, else 0.",
            HelpName = "SCORE",
        };
        var language = new Option<string>("--lang")
        {
            Description = "Language of the red flags' messages and actions: en or zh-CN.",
            DefaultValueFactory = _ => "en",
            HelpName = "LANG",
        };
        language.AcceptOnlyFromAmong("en", "zh-CN");
        var jsonLines = new Option<bool>("--jsonl")
        {
            Description = "Read one sheet per line and print one analysis per line, in order. A bad line is reported with its " +
                "line number and skipped; the exit code is 2 at the end if any line was bad.",
        };
        var command = new Command("analyze",
            "Judge a strategy sheet by the method: red flags with messages and suggested actions, receptive and unreceptive influences, " +
            "and whether the funnel level is earned. Prints JSON; needs no database.")
        {
            file, asOf, fitThreshold, language, jsonLines,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            var day = ParseDay(parsed.GetValue(asOf));
            // The team's thresholds (KeySell:Analysis), as the web app uses them; the option wins.
            var team = host.Options().Analysis;
            var analyzer = new StrategyAnalyzer(team with { FitThreshold = parsed.GetValue(fitThreshold) ?? team.FitThreshold });
            var words = RedFlagWords.For(parsed.GetValue(language));
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            if (parsed.GetValue(jsonLines))
            {
                return await AnalyzeLinesAsync(path, terminal, analyzer, words, day ?? today, day is not null, ct);
            }
            var sheet = await SheetInput.ReadAsync(path, terminal, ct);
            var analysis = analyzer.Analyze(sheet, day ?? sheet.AsOf ?? today);
            var utf8 = new ArrayBufferWriter<byte>(4096);
            await using (var json = new Utf8JsonWriter(utf8, AnalysisWriter.Options(indented: true)))
            {
                new AnalysisWriter(words).Write(json, analysis);
            }
            await terminal.Out.WriteLineAsync(Encoding.UTF8.GetString(utf8.WrittenSpan));
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>
    /// Streams the lines: only one sheet is held at a time, so memory stays flat whatever the size of the input,
    /// and a bad line costs only that line.
    /// </summary>
    /// <param name="fallbackDay">The --as-of day when <paramref name="overrides"/>, else today for sheets without asOf.</param>
    public static async Task<int> AnalyzeLinesAsync(
        string path, Terminal terminal, StrategyAnalyzer analyzer, RedFlagWords words, DateOnly fallbackDay, bool overrides,
        CancellationToken cancellationToken)
    {
        var source = SheetInput.SourceName(path);
        TextReader reader;
        if (path == SheetInput.Stdin)
        {
            reader = terminal.In;
        }
        else
        {
            try
            {
                reader = new StreamReader(path, SheetInput.Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliFailure.BadInput($"cannot read {path}: {e.Message}");
            }
        }

        // One buffer, one JSON writer and one analysis writer for all lines: no string per analysis, message or action.
        // JSON Lines needs one analysis per line, so nothing is indented.
        var utf8 = new ArrayBufferWriter<byte>(4096);
        await using var json = new Utf8JsonWriter(utf8, AnalysisWriter.Options(indented: false));
        var writer = new AnalysisWriter(words);
        var chars = new char[4096];

        var anyBad = false;
        var lineNumber = 0;
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var read = SheetReader.Read(line);
                if (read.Sheet is not { } sheet)
                {
                    anyBad = true;
                    foreach (var problem in read.Problems)
                    {
                        await terminal.Error.WriteLineAsync($"{source}:{lineNumber}: {problem.Path}: {problem.Message}");
                    }
                    continue;
                }
                var analysis = analyzer.Analyze(sheet, overrides ? fallbackDay : sheet.AsOf ?? fallbackDay);
                utf8.ResetWrittenCount();
                json.Reset(utf8);
                writer.Write(json, analysis);
                json.Flush();
                var needed = Encoding.UTF8.GetMaxCharCount(utf8.WrittenCount);
                if (chars.Length < needed) chars = new char[needed];
                var count = Encoding.UTF8.GetChars(utf8.WrittenSpan, chars);
                await terminal.Out.WriteLineAsync(chars.AsMemory(0, count), cancellationToken);
            }
        }
        finally
        {
            if (!ReferenceEquals(reader, terminal.In)) reader.Dispose();
        }
        await terminal.Out.FlushAsync(cancellationToken);
        return anyBad ? ExitCodes.BadInput : ExitCodes.Done;
    }

    private static DateOnly? ParseDay(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw CliFailure.BadInput($"--as-of '{text}' is not a date; use YYYY-MM-DD.");
}
