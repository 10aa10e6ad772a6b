using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KeySell.Application.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Cli.Commands;

/// <summary>
/// <c>keysell analyze</c>: judges a sheet file by the method, without a database, with the team's
/// thresholds from the configuration, and prints the analysis in the contract's output format.
/// </summary>
public static class AnalyzeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Chinese messages stay readable instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
        var command = new Command("analyze",
            "Judge a strategy sheet by the method: red flags with messages and suggested actions, receptive and unreceptive influences, " +
            "and whether the funnel level is earned. Prints JSON; needs no database.")
        {
            file, asOf, fitThreshold, language,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            var day = ParseDay(parsed.GetValue(asOf));
            var sheet = await SheetInput.ReadAsync(path, terminal, ct);
            // The team's thresholds (KeySell:Analysis), as the web app uses them; the option wins.
            var team = host.Options().Analysis;
            var analyzer = new StrategyAnalyzer(team with { FitThreshold = parsed.GetValue(fitThreshold) ?? team.FitThreshold });
            var analysis = analyzer.Analyze(sheet, day ?? sheet.AsOf ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime));
            var document = AnalysisDocument.From(analysis, RedFlagWords.For(parsed.GetValue(language)));
            await terminal.Out.WriteLineAsync(JsonSerializer.Serialize(document, Json));
            return ExitCodes.Done;
        });
        return command;
    }

    private static DateOnly? ParseDay(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw CliFailure.BadInput($"--as-of '{text}' is not a date; use YYYY-MM-DD.");
}
