using System.Text;
using System.Text.Json.Nodes;

namespace KeySell.Cli.Tests;

/// <summary><c>keysell analyze</c> on bad input in both modes, <c>--jsonl</c> streaming, and <c>generate-sheets</c>.</summary>
public sealed class AnalyzeJsonLinesTests : IAsyncDisposable
{
    private const string Valid =
        """{"schema":"keysell.strategy-sheet/1","asOf":"2026-11-26","opportunity":{"name":"ERP","account":"Acme"},"influences":[{"id":"li-wei","name":"Li Wei","roles":["economic"],"support":2}],"objections":[{"from":"li-wei","text":"Price"}]}""";

    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    /// <summary>Each bad sheet, the JSON path its problem must name, and a word of the message.</summary>
    public static TheoryData<string, string, string> BadSheets => new()
    {
        { Valid.Replace("\"support\":2", "\"support\":9"), "$.influences[0].support", "between -5 and 5" },
        { Valid.Replace("\"asOf\"", "\"extra\":1,\"asOf\""), "$.extra", "Unknown field 'extra'" },
        { Valid.Replace("\"support\":2}", "\"support\":2},{\"id\":\"li-wei\",\"name\":\"Wang Fang\"}"), "$.influences[1].id", "li-wei" },
        { Valid.Replace("\"support\":2", "\"mode\":\"happy\""), "$.influences[0].mode", "'happy' is not one of" },
        { Valid[..60], "$", "not valid JSON" },
        { Valid.Replace("\"from\":\"li-wei\"", "\"from\":\"nobody\""), "$.objections[0].from", "names no influence" },
    };

    [Theory]
    [MemberData(nameof(BadSheets))]
    public async Task Analyze_BadSheetFile_ExitsTwoNamingFileAndPathWithEmptyStdout(string sheet, string path, string problem)
    {
        var file = _cli.PathOf("bad.json");
        await File.WriteAllTextAsync(file, sheet, TestContext.Current.CancellationToken);

        var result = await _cli.Run("analyze", file);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldNotContain("   at ");
        result.ErrorLines.ShouldContain(line => line.StartsWith($"{file}: {path}: ") && line.Contains(problem));
    }

    [Theory]
    [MemberData(nameof(BadSheets))]
    public async Task AnalyzeJsonl_BadLine_ReportsLineSkipsItAnalysesTheRestAndExitsTwo(string sheet, string path, string problem)
    {
        var input = string.Join('\n', Valid.Replace("\"ERP\"", "\"first\""), sheet, Valid.Replace("\"ERP\"", "\"third\""));

        var result = await _cli.RunWithInput(input, "analyze", "-", "--jsonl");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldNotContain("   at ");
        result.ErrorLines.ShouldAllBe(line => line.StartsWith($"stdin:2: {path}: "));
        result.ErrorLines.ShouldContain(line => line.Contains(problem));
        OpportunitiesOf(result.Out).ShouldBe(["first", "third"]);
    }

    [Fact]
    public async Task AnalyzeJsonl_ValidLinesWithBlankOnes_ExitsZeroWithOneCompactLinePerSheetInOrder()
    {
        var names = Enumerable.Range(1, 5).Select(i => $"deal {i}").ToArray();
        var input = string.Join("\n\n", names.Select(n => Valid.Replace("\"ERP\"", $"\"{n}\""))) + "\n  \n";

        var result = await _cli.RunWithInput(input, "analyze", "-", "--jsonl", "--as-of", "2026-12-01");

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        OpportunitiesOf(result.Out).ShouldBe(names);
        OutputLines(result.Out).ShouldAllBe(line => JsonNode.Parse(line)!["asOf"]!.GetValue<string>() == "2026-12-01");
    }

    [Fact]
    public async Task AnalyzeJsonl_BadLineInFile_NamesTheFileAndLine()
    {
        var file = _cli.PathOf("sheets.jsonl");
        await File.WriteAllLinesAsync(file, [Valid, "", Valid.Replace("\"asOf\"", "\"extra\":1,\"asOf\"")], TestContext.Current.CancellationToken);

        var result = await _cli.Run("analyze", file, "--jsonl");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"{file}:3: $.extra: Unknown field 'extra'; allowed here: schema, asOf, opportunity, influences, strengths, objections, redFlags."]);
        OutputLines(result.Out).Length.ShouldBe(1);
    }

    [Fact]
    public async Task AnalyzeJsonl_StdoutIsAByteStream_PrintsExactlyWhatATextWriterGets()
    {
        // Enough lines to fill several of the 64 KB writes that go straight to the stream, a bad one among them.
        var sheets = await _cli.Run("generate-sheets", "--count", "120", "--seed", "3");
        var lines = sheets.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.Insert(60, Valid.Replace("\"support\":2", "\"support\":9"));
        var input = string.Join('\n', lines);

        var asText = await _cli.RunWithInput(input, "analyze", "-", "--jsonl", "--lang", "zh-CN");
        var asBytes = await _cli.RunWithByteOutput(input, "analyze", "-", "--jsonl", "--lang", "zh-CN");

        asBytes.ExitCode.ShouldBe(2);
        asBytes.Error.ShouldBe(asText.Error);
        Encoding.UTF8.GetByteCount(asBytes.Out).ShouldBeGreaterThan(3 * 65536);
        asBytes.Out.ShouldBe(asText.Out);
        OpportunitiesOf(asBytes.Out).Length.ShouldBe(120);
    }

    [Fact]
    public async Task GenerateSheets_SameSeed_GivesTheSameBytesAndEveryLineAnalyses()
    {
        var first = await _cli.Run("generate-sheets", "--count", "300", "--seed", "7");
        var second = await _cli.Run("generate-sheets", "--count", "300", "--seed", "7", "-o", _cli.PathOf("sheets.jsonl"));
        var other = await _cli.Run("generate-sheets", "--count", "300", "--seed", "8");

        first.ExitCode.ShouldBe(0);
        second.ExitCode.ShouldBe(0);
        (await File.ReadAllTextAsync(_cli.PathOf("sheets.jsonl"), TestContext.Current.CancellationToken)).ShouldBe(first.Out);
        other.Out.ShouldNotBe(first.Out);
        OutputLines(first.Out).Length.ShouldBe(300);

        var analysed = await _cli.Run("analyze", _cli.PathOf("sheets.jsonl"), "--jsonl", "--lang", "zh-CN");

        analysed.ExitCode.ShouldBe(0);
        analysed.Error.ShouldBeEmpty();
        OutputLines(analysed.Out).Length.ShouldBe(300);
    }

    [Fact]
    public async Task GenerateSheets_Help_ExitsZeroWithUsage()
    {
        var result = await _cli.Run("generate-sheets", "--help");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("Usage:");
        result.Out.ShouldContain("--seed");
    }

    private static string[] OutputLines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] OpportunitiesOf(string output) =>
        OutputLines(output).Select(line => JsonNode.Parse(line)!["opportunity"]!.GetValue<string>()).ToArray();
}
