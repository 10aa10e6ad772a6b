using System.Text.Json.Nodes;

namespace KeySell.Cli.Tests;

/// <summary><c>keysell analyze</c> and <c>keysell sheet export|import</c> speak version 2 of the sheet format.</summary>
public sealed class SheetVersion2CommandTests : IAsyncDisposable
{
    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    private const string Version2Sheet = """
        {
          "schema": "keysell.strategy-sheet/2",
          "asOf": "2026-11-26",
          "opportunity": {
            "name": "ERP rollout", "account": "East China Steel Group", "funnelLevel": "in", "createdOn": "2026-11-10",
            "objective": { "product": "ERP suite", "quantity": 1, "amount": 1200000, "currency": "CNY", "closeDate": "2027-03-31" }
          },
          "influences": [
            { "id": "li-wei", "name": "Li Wei", "roles": ["economic"], "influence": "high", "support": 2, "contact": "occasional",
              "mode": "growth", "counterpart": "Our VP Sales", "since": "2026-11-12", "lastContact": "2026-11-20", "wins": ["recognition"],
              "seniority": "executive" }
          ],
          "strengths": [ { "text": "Local support centre", "addresses": ["no-top-officer"] } ],
          "objections": [ { "from": "li-wei", "text": "Price is 20% above budget", "status": "open", "steps": ["listened"], "answer": null } ],
          "milestones": [ { "id": "confirm-opportunity", "done": "2026-11-12", "evidence": "Budget line seen" } ],
          "calls": [
            { "id": "c1", "date": "2026-11-13", "with": ["li-wei"], "status": "done", "outcome": "continuation" },
            { "id": "c2", "date": "2026-11-20", "with": ["li-wei"], "status": "done", "outcome": "continuation" }
          ],
          "actions": [ { "id": "a1", "text": "Send the Baosteel case", "owner": "Our VP Sales", "due": "2026-11-25", "influence": "li-wei" } ],
          "needs": { "currentState": "12-day close", "branches": [ { "layer": "finance", "problem": "Cash tied up", "children": [] } ] }
        }
        """;

    [Fact]
    public async Task Analyze_Version2File_JudgesTheVersion2RulesAndAddsTheThreeParts()
    {
        var file = _cli.PathOf("v2.json");
        await File.WriteAllTextAsync(file, Version2Sheet, TestContext.Current.CancellationToken);

        var result = await _cli.Run("analyze", file);

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        var analysis = JsonNode.Parse(result.Out)!;
        var flags = analysis["redFlags"]!.AsArray().Select(f => (f!["id"]!.GetValue<string>(), f["influence"]?.GetValue<string>())).ToList();
        // Li Wei was mapped two days after the deal was set up: not a new player on a version-2 sheet.
        flags.ShouldBe([
            ("no-coach", null), ("no-user", null), ("open-objection", "li-wei"),
            ("overdue-action", "li-wei"), ("continuation-only", null), ("needs-not-decomposed", null), ("needs-not-landed", null),
            ("objection-unconfirmed", "li-wei"), ("no-top-officer", null),
        ]);
        analysis["redFlags"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "no-top-officer")!["addressedBy"]!.AsArray()
            .Select(s => s!.GetValue<string>()).ShouldBe(["Local support centre"]);
        analysis["redFlags"]![3]!["message"]!.GetValue<string>().ShouldBe("The action “Send the Baosteel case” was due on 2026-11-25 and is still open.");
        JsonNode.DeepEquals(analysis["needs"], JsonNode.Parse("""
            { "rooted": true, "decomposed": false, "landed": false, "layers": ["finance"], "leaves": 1, "unlandedLeaves": 1 }
            """)).ShouldBeTrue(analysis["needs"]!.ToJsonString());
        JsonNode.DeepEquals(analysis["calls"], JsonNode.Parse("""{ "done": 2, "advances": 0, "continuations": 2, "nextCall": null }""")).ShouldBeTrue();
        JsonNode.DeepEquals(analysis["milestones"], JsonNode.Parse("""{ "done": ["confirm-opportunity"], "next": "pre-call-research" }""")).ShouldBeTrue();
    }

    [Fact]
    public async Task Analyze_Version2InJsonLines_JudgesEachLineByItsOwnVersion()
    {
        var version2 = JsonNode.Parse(Version2Sheet)!.ToJsonString();
        var version1 = """{"schema":"keysell.strategy-sheet/1","asOf":"2026-11-26","opportunity":{"name":"Old","account":"A"}}""";

        var result = await _cli.RunWithInput(version1 + "\n" + version2 + "\n", "analyze", "-", "--jsonl");

        result.ExitCode.ShouldBe(0);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        lines[0].ContainsKey("needs").ShouldBeFalse();
        lines[1]["calls"]!["continuations"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Analyze_BadVersion2File_ExitsTwoWithOneLinePerProblemQuotingTheValue()
    {
        var sheet = JsonNode.Parse(Version2Sheet)!;
        sheet["calls"]![1]!["with"] = new JsonArray("ghost");
        sheet["calls"]![1]!["id"] = "c1";
        sheet["needs"]!["branches"]![0]!["layer"] = "sales";
        var file = _cli.PathOf("bad.json");
        await File.WriteAllTextAsync(file, sheet.ToJsonString(), TestContext.Current.CancellationToken);

        var result = await _cli.Run("analyze", file);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldBe([
            $"{file}: $.calls[1].id: The call id 'c1' is used more than once in this sheet.",
            $"{file}: $.needs.branches[0].layer: 'sales' is not one of: finance, customers, marketing, process, management.",
            $"{file}: $.calls[1].with[0]: 'ghost' names no influence of this sheet.",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Analyze_Version1FileWithAVersion2Field_ExitsTwoNamingTheUnknownField()
    {
        var result = await _cli.RunWithInput(
            """{ "schema": "keysell.strategy-sheet/1", "opportunity": { "name": "ERP", "account": "A" }, "calls": [] }""", "analyze", "-");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("stdin: $.calls: Unknown field 'calls'");
    }

    [Fact]
    public async Task SheetImportThenExport_Version2Sheet_KeepsEveryVersion2Part()
    {
        (await _cli.Run("migrate")).ExitCode.ShouldBe(0);
        var file = _cli.PathOf("v2.json");
        await File.WriteAllTextAsync(file, Version2Sheet, TestContext.Current.CancellationToken);

        var imported = await _cli.Run("sheet", "import", file);
        imported.ExitCode.ShouldBe(0, imported.Error);
        var exported = await _cli.Run("sheet", "export", imported.Out.Trim());

        exported.ExitCode.ShouldBe(0, exported.Error);
        var sheet = JsonNode.Parse(exported.Out)!;
        sheet["schema"]!.GetValue<string>().ShouldBe("keysell.strategy-sheet/2");
        sheet["opportunity"]!["createdOn"]!.GetValue<string>().ShouldBe("2026-11-10");
        sheet["influences"]![0]!["seniority"]!.GetValue<string>().ShouldBe("executive");
        sheet["calls"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ShouldBe(["c1", "c2"]);
        sheet["actions"]![0]!["owner"]!.GetValue<string>().ShouldBe("Our VP Sales");
        sheet["needs"]!["branches"]![0]!["layer"]!.GetValue<string>().ShouldBe("finance");
        sheet["milestones"]![0]!["evidence"]!.GetValue<string>().ShouldBe("Budget line seen");
        sheet["objections"]![0]!["steps"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["listened"]);

        // What was exported imports again and exports the same.
        var again = _cli.PathOf("again.json");
        await File.WriteAllTextAsync(again, exported.Out, TestContext.Current.CancellationToken);
        var second = await _cli.Run("sheet", "import", again);
        second.ExitCode.ShouldBe(0, second.Error);
        var reexported = await _cli.Run("sheet", "export", second.Out.Trim());
        var first = sheet.AsObject();
        first.Remove("asOf");
        var next = JsonNode.Parse(reexported.Out)!.AsObject();
        next.Remove("asOf");
        JsonNode.DeepEquals(next, first).ShouldBeTrue(reexported.Out);
    }
}
