using System.Text;
using System.Text.Json.Nodes;

namespace KeySell.Cli.Tests;

/// <summary>
/// The limits on a sheet (2,000,000 bytes, 500 influences, 4,000 characters a text) and on its encoding, as
/// <c>keysell analyze</c>, <c>analyze --jsonl</c> and <c>sheet import</c> report them: exit 2, one line naming the limit.
/// </summary>
public sealed class InputLimitsTests : IAsyncDisposable
{
    private const string Valid =
        """{"schema":"keysell.strategy-sheet/1","asOf":"2026-11-26","opportunity":{"name":"ERP","account":"Acme"},"influences":[{"id":"li-wei","name":"Li Wei","roles":["economic"],"support":2}]}""";

    private const string SizeLimitLine = "The sheet is larger than 2,000,000 bytes (the limit).";

    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid sheet padded with spaces (which JSON allows) to exactly <paramref name="bytes"/> bytes.</summary>
    private static string SheetOfSize(int bytes) => Valid + new string(' ', bytes - Valid.Length);

    private static string Named(string name) => Valid.Replace("\"ERP\"", $"\"{name}\"");

    [Fact]
    public async Task Analyze_FileOfExactlyTheLimit_IsAnalysed()
    {
        var file = _cli.PathOf("edge.json");
        await File.WriteAllTextAsync(file, SheetOfSize(2_000_000), Ct);

        var result = await _cli.Run("analyze", file);

        result.ExitCode.ShouldBe(0, result.Error);
        JsonNode.Parse(result.Out)!["opportunity"]!.GetValue<string>().ShouldBe("ERP");
    }

    [Fact]
    public async Task Analyze_FileOneByteOverTheLimit_ExitsTwoWithOneLineNamingTheLimit()
    {
        var file = _cli.PathOf("big.json");
        await File.WriteAllTextAsync(file, SheetOfSize(2_000_001), Ct);

        var result = await _cli.Run("analyze", file);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldBe([$"{file}: {SizeLimitLine}"]);
    }

    [Fact]
    public async Task Analyze_StdinOverTheLimit_ExitsTwoNamingTheLimit()
    {
        var result = await _cli.RunWithInput(SheetOfSize(3_000_000), "analyze", "-");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"stdin: {SizeLimitLine}"]);
    }

    [Fact]
    public async Task SheetImport_FileOverTheLimit_ExitsTwoAndStoresNothing()
    {
        (await _cli.Run("migrate")).ExitCode.ShouldBe(0);
        var file = _cli.PathOf("big.json");
        await File.WriteAllTextAsync(file, SheetOfSize(2_500_000), Ct);

        var result = await _cli.Run("sheet", "import", file);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"{file}: {SizeLimitLine}"]);
        (await _cli.OpportunityCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnalyzeJsonl_LineOverTheLimitAmidGoodLines_ReportsItsLineAndAnalysesTheOthers()
    {
        var file = _cli.PathOf("sheets.jsonl");
        var longLine = "{\"opportunity\":\"" + new string('x', 2_000_000) + "\"}";
        await File.WriteAllTextAsync(file, string.Join("\r\n", Named("first"), longLine, Named("third"), SheetOfSize(2_000_001), Named("fifth")), Ct);

        var result = await _cli.Run("analyze", file, "--jsonl");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"{file}:2: {SizeLimitLine}", $"{file}:4: {SizeLimitLine}"]);
        Opportunities(result.Out).ShouldBe(["first", "third", "fifth"]);
    }

    [Fact]
    public async Task AnalyzeJsonl_LastLineOverTheLimitWithoutLineBreak_IsReportedAtItsLine()
    {
        var input = Named("first") + "\n" + SheetOfSize(2_100_000);

        var result = await _cli.RunWithInput(input, "analyze", "-", "--jsonl");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"stdin:2: {SizeLimitLine}"]);
        Opportunities(result.Out).ShouldBe(["first"]);
    }

    [Fact]
    public async Task AnalyzeJsonl_LineOfExactlyTheLimit_IsAnalysed()
    {
        var input = Named("first") + "\n" + SheetOfSize(2_000_000) + "\n" + Named("third");

        var result = await _cli.RunWithInput(input, "analyze", "-", "--jsonl");

        result.ExitCode.ShouldBe(0, result.Error);
        Opportunities(result.Out).ShouldBe(["first", "ERP", "third"]);
    }

    [Fact]
    public async Task Analyze_InvalidUtf8InFile_ExitsTwoNamingTheByteOffset()
    {
        var file = _cli.PathOf("broken.json");
        var bytes = Encoding.UTF8.GetBytes(Valid).ToList();
        var at = Valid.IndexOf("Li Wei", StringComparison.Ordinal) + 2;   // all ASCII before it: characters are bytes
        bytes.Insert(at, 0xFF);
        await File.WriteAllBytesAsync(file, [.. bytes], Ct);

        var result = await _cli.Run("analyze", file);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldBe([$"{file}: Invalid UTF-8 at byte {at} (counting from 0)."]);
    }

    [Fact]
    public async Task SheetImport_InvalidUtf8_ExitsTwoAndStoresNothing()
    {
        (await _cli.Run("migrate")).ExitCode.ShouldBe(0);
        var bytes = Encoding.UTF8.GetBytes(Named("王芳的项目"));
        var at = Array.IndexOf(bytes, (byte)0xE7);   // the first byte of 王; cutting its sequence short breaks it
        var broken = bytes[..(at + 1)].Concat(bytes[(at + 3)..]).ToArray();

        var result = await _cli.RunWithInput(broken, "sheet", "import", "-");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"stdin: Invalid UTF-8 at byte {at} (counting from 0)."]);
        (await _cli.OpportunityCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnalyzeJsonl_InvalidUtf8InOneLine_NamesLineAndByteOfTheLineAndAnalysesTheOthers()
    {
        var bad = Encoding.UTF8.GetBytes(Named("second")).ToList();
        var at = Named("second").IndexOf("second", StringComparison.Ordinal) + 3;
        bad.Insert(at, 0xC3);   // a lead byte followed by an ASCII letter is no character
        var input = Encoding.UTF8.GetBytes(Named("first") + "\n").Concat(bad).Concat(Encoding.UTF8.GetBytes("\n" + Named("third") + "\n")).ToArray();

        var result = await _cli.RunWithInput(input, "analyze", "-", "--jsonl");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldBe([$"stdin:2: Invalid UTF-8 at byte {at} (counting from 0)."]);
        Opportunities(result.Out).ShouldBe(["first", "third"]);
    }

    [Fact]
    public async Task AnalyzeJsonl_ByteOrderMarkAtTheStart_IsSkipped()
    {
        var input = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Named("first") + "\n" + Named("second"))).ToArray();

        var result = await _cli.RunWithInput(input, "analyze", "-", "--jsonl");

        result.ExitCode.ShouldBe(0, result.Error);
        Opportunities(result.Out).ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Analyze_501Influences_ExitsTwoNamingTheLimitOfFiveHundred()
    {
        var sheet = JsonNode.Parse(Valid)!;
        var influences = new JsonArray();
        for (var i = 0; i < 501; i++) influences.Add(new JsonObject { ["id"] = $"p{i}", ["name"] = $"Person {i}" });
        sheet["influences"] = influences;
        var file = _cli.PathOf("crowd.json");
        await File.WriteAllTextAsync(file, sheet.ToJsonString(), Ct);

        var result = await _cli.Run("analyze", file);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"{file}: $.influences: ");
        result.Error.ShouldContain("500");
    }

    [Fact]
    public async Task AnalyzeJsonl_TextOf4001Characters_ReportsTheFieldAndTheLimit()
    {
        var sheet = JsonNode.Parse(Valid)!;
        sheet["influences"]![0]!["title"] = new string('t', 4_001);
        var fits = JsonNode.Parse(Valid)!;
        fits["influences"]![0]!["title"] = new string('t', 4_000);

        var result = await _cli.RunWithInput(sheet.ToJsonString() + "\n" + fits.ToJsonString(), "analyze", "-", "--jsonl");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("stdin:1: $.influences[0].title: ");
        result.Error.ShouldContain("4,000");
        Opportunities(result.Out).ShouldBe(["ERP"]);
    }

    private static string[] Opportunities(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonNode.Parse(line)!["opportunity"]!.GetValue<string>()).ToArray();
}
