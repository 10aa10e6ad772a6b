using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using KeySell.Application.Common;
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
                return AnalyzeLines(path, terminal, analyzer, words, day ?? today, day is not null, ct);
            }
            var sheet = await SheetInput.ReadAsync(path, terminal, ct);
            var analysis = analyzer.Analyze(sheet, day ?? sheet.AsOf ?? today);
            await terminal.Out.WriteLineAsync(new AnalysisWriter(words).WriteIndented(analysis));
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>
    /// Streams the lines: only one sheet is held at a time, so memory stays flat whatever the size of the input,
    /// and a bad line costs only that line. A line over the sheet's size limit is reported and skipped without being
    /// held whole. Lines stay UTF-8 from the input to the reader, and reads and writes are synchronous on purpose:
    /// a pipeline tool has the thread to itself, and an await per line costs more than the rest of the line's I/O.
    /// </summary>
    /// <param name="fallbackDay">The --as-of day when <paramref name="overrides"/>, else today for sheets without asOf.</param>
    public static int AnalyzeLines(
        string path, Terminal terminal, StrategyAnalyzer analyzer, RedFlagWords words, DateOnly fallbackDay, bool overrides,
        CancellationToken cancellationToken)
    {
        var source = SheetInput.SourceName(path);
        Stream input;
        if (path == SheetInput.Stdin)
        {
            input = terminal.In;
        }
        else
        {
            try
            {
                input = SheetInput.Open(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliFailure.BadInput($"cannot read {path}: {e.Message}");
            }
        }

        // One buffer and one analysis writer for all lines: no string per analysis, message or action.
        var lines = new JsonLines(input, InputLimits.SheetBytes);
        var utf8 = new ArrayBufferWriter<byte>(8192);
        var writer = new AnalysisWriter(words);
        var output = new Utf8Lines(terminal.Out);

        var anyBad = false;
        var lineNumber = 0;
        try
        {
            JsonLines.Next next;
            while ((next = lines.Read(out var line)) != JsonLines.Next.End)
            {
                cancellationToken.ThrowIfCancellationRequested();
                lineNumber++;
                if (next == JsonLines.Next.TooLong)
                {
                    anyBad = true;
                    terminal.Error.WriteLine(SheetInput.Line($"{source}:{lineNumber}", SheetReader.TooLargeProblem()));
                    continue;
                }
                if (IsBlank(line.Span)) continue;
                var read = SheetReader.Read(line);
                if (read.Sheet is not { } sheet)
                {
                    anyBad = true;
                    foreach (var problem in read.Problems)
                    {
                        terminal.Error.WriteLine(SheetInput.Line($"{source}:{lineNumber}", problem));
                    }
                    continue;
                }
                var analysis = analyzer.Analyze(sheet, overrides ? fallbackDay : sheet.AsOf ?? fallbackDay);
                utf8.ResetWrittenCount();
                writer.WriteCompact(utf8, analysis);
                output.WriteLine(utf8.WrittenSpan);
            }
        }
        finally
        {
            output.Flush();
            if (!ReferenceEquals(input, terminal.In)) input.Dispose();
        }
        return anyBad ? ExitCodes.BadInput : ExitCodes.Done;
    }

    /// <summary>Blank as <see cref="string.IsNullOrWhiteSpace"/> would say of the decoded line; a sheet's first byte ends the check.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        while (!line.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(line, out var rune, out var consumed) != OperationStatus.Done || !Rune.IsWhiteSpace(rune)) return false;
            line = line[consumed..];
        }
        return true;
    }

    /// <summary>
    /// Lines already in UTF-8 go straight to the byte stream under the terminal's writer when it has one (the real
    /// standard output), in 64 KB writes, instead of being decoded to text only for the writer to encode them again.
    /// Any other writer (a test's <see cref="StringWriter"/>) gets them as text.
    /// </summary>
    private sealed class Utf8Lines
    {
        private const int BatchSize = 1 << 16;
        private readonly TextWriter _text;
        private readonly Stream? _stream;
        private readonly ArrayBufferWriter<byte> _batch = new(BatchSize + 8192);
        private readonly byte[] _newLine;
        private char[] _chars = new char[8192];

        public Utf8Lines(TextWriter text)
        {
            _text = text;
            _newLine = Encoding.UTF8.GetBytes(text.NewLine);
            if (text is StreamWriter { BaseStream.CanWrite: true } writer && writer.Encoding is UTF8Encoding utf8 && utf8.GetPreamble().Length == 0)
            {
                writer.Flush();
                _stream = writer.BaseStream;
            }
        }

        public void WriteLine(ReadOnlySpan<byte> line)
        {
            if (_stream is null)
            {
                var needed = Encoding.UTF8.GetMaxCharCount(line.Length);
                if (_chars.Length < needed) _chars = new char[needed];
                var count = Encoding.UTF8.GetChars(line, _chars);
                _text.WriteLine(_chars, 0, count);
                return;
            }
            _batch.Write(line);
            _batch.Write(_newLine);
            if (_batch.WrittenCount >= BatchSize) WriteBatch();
        }

        public void Flush()
        {
            if (_stream is null)
            {
                _text.Flush();
                return;
            }
            WriteBatch();
            _stream.Flush();
        }

        private void WriteBatch()
        {
            _stream!.Write(_batch.WrittenSpan);
            _batch.ResetWrittenCount();
        }
    }

    private static DateOnly? ParseDay(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw CliFailure.BadInput($"--as-of '{text}' is not a date; use YYYY-MM-DD.");
}
