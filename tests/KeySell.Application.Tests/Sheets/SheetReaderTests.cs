using System.Text;
using System.Text.Json.Nodes;
using KeySell.Application.Sheets;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Tests.Sheets;

public class SheetReaderTests
{
    /// <summary>A full sheet: every field of the contract, several influences, all three lists.</summary>
    internal const string FullSheet = """
        {
          "schema": "keysell.strategy-sheet/1",
          "asOf": "2026-11-26",
          "opportunity": {
            "name": "ERP rollout, East China Steel",
            "account": "East China Steel Group",
            "idealCustomerScore": 2.5,
            "objective": { "product": "ERP suite", "quantity": 1, "amount": 1200000, "currency": "CNY", "closeDate": "2027-03-31" },
            "engagement": "before-project",
            "funnelLevel": "in",
            "expectedOutcome": "win-win"
          },
          "influences": [
            {
              "id": "li-wei", "name": "Li Wei", "title": "CFO",
              "roles": ["economic"], "influence": "high", "support": 2, "contact": "occasional",
              "mode": "growth", "counterpart": "Our VP Sales", "status": "active",
              "since": "2026-09-01", "lastContact": "2026-11-20",
              "wins": ["recognition"], "results": ["month-end close in 3 days"]
            },
            {
              "id": "wang-fang", "name": "王芳", "title": "IT director",
              "roles": ["coach", "technical"], "influence": "medium", "support": -4, "contact": "none",
              "mode": "even-keel", "counterpart": null, "status": "moved",
              "since": null, "lastContact": null,
              "wins": [], "results": ["one system instead of seven"]
            },
            {
              "id": "zhang-san", "name": "Zhang San", "title": null,
              "roles": [], "influence": "unknown", "support": null, "contact": "unknown",
              "mode": "unknown", "counterpart": null, "status": "left-company",
              "since": "2026-11-01", "lastContact": null,
              "wins": [], "results": []
            }
          ],
          "strengths": [ { "text": "Only vendor with a local support centre", "addresses": ["coach-weak", "manual"] } ],
          "objections": [
            { "from": "li-wei", "text": "Price is 20% above budget", "status": "open" },
            { "from": null, "text": "Go-live before Chinese New Year?", "status": "deferred" }
          ],
          "redFlags": [ { "text": "Rumoured reorganisation in IT", "influence": "wang-fang" }, { "text": "Budget freeze", "influence": null } ]
        }
        """;

    [Fact]
    public void Read_FullSheet_ReturnsEveryField()
    {
        var result = SheetReader.Read(FullSheet);

        result.Problems.ShouldBeEmpty();
        var sheet = result.Sheet.ShouldNotBeNull();
        sheet.AsOf.ShouldBe(new DateOnly(2026, 11, 26));
        sheet.Opportunity.Name.ShouldBe("ERP rollout, East China Steel");
        sheet.Opportunity.Account.ShouldBe("East China Steel Group");
        sheet.Opportunity.IdealCustomerScore.ShouldBe(2.5m);
        sheet.Opportunity.Objective.ShouldBe(new SheetObjective("ERP suite", 1, 1200000, "CNY", new DateOnly(2027, 3, 31)));
        sheet.Opportunity.Engagement.ShouldBe(Engagement.BeforeProject);
        sheet.Opportunity.FunnelLevel.ShouldBe(FunnelLevel.In);
        sheet.Opportunity.ExpectedOutcome.ShouldBe(ExpectedOutcome.WinWin);

        sheet.Influences.Select(i => i.Id).ShouldBe(["li-wei", "wang-fang", "zhang-san"]);
        var wang = sheet.Influences[1];
        wang.Name.ShouldBe("王芳");
        wang.Roles.ShouldBe(BuyingRoles.Coach | BuyingRoles.Technical);
        wang.Influence.ShouldBe(InfluenceLevel.Medium);
        wang.Support.ShouldBe(-4);
        wang.Contact.ShouldBe(ContactLevel.None);
        wang.Mode.ShouldBe(ResponseMode.EvenKeel);
        wang.Status.ShouldBe(PersonStatus.Moved);
        wang.Results.ShouldBe(["one system instead of seven"]);
        sheet.Influences[0].Counterpart.ShouldBe("Our VP Sales");
        sheet.Influences[0].Since.ShouldBe(new DateOnly(2026, 9, 1));
        sheet.Influences[2].Status.ShouldBe(PersonStatus.LeftCompany);

        sheet.Strengths.ShouldHaveSingleItem().Addresses.ShouldBe(["coach-weak", "manual"]);
        sheet.Objections.Select(o => (o.From, o.Status)).ShouldBe([("li-wei", ObjectionStatus.Open), (null, ObjectionStatus.Deferred)]);
        sheet.RedFlags.Select(f => f.Influence).ShouldBe(["wang-fang", null]);
    }

    [Fact]
    public void Read_OnlyRequiredFields_AppliesTheContractDefaults()
    {
        var result = SheetReader.Read("""
            {
              "schema": "keysell.strategy-sheet/1",
              "opportunity": { "name": "Pilot", "account": "Acme" },
              "influences": [ { "id": "a", "name": "A" } ],
              "objections": [ { "text": "Too expensive" } ],
              "redFlags": [ { "text": "No budget" } ],
              "strengths": [ { "text": "Fast delivery" } ]
            }
            """);

        var sheet = result.Sheet.ShouldNotBeNull();
        sheet.AsOf.ShouldBeNull();
        sheet.Opportunity.IdealCustomerScore.ShouldBeNull();
        sheet.Opportunity.Objective.ShouldBe(SheetObjective.Empty);
        sheet.Opportunity.Engagement.ShouldBeNull();
        sheet.Opportunity.FunnelLevel.ShouldBe(FunnelLevel.Above);
        sheet.Opportunity.ExpectedOutcome.ShouldBeNull();
        var influence = sheet.Influences.ShouldHaveSingleItem();
        influence.Roles.ShouldBe(BuyingRoles.None);
        influence.Influence.ShouldBe(InfluenceLevel.Unknown);
        influence.Support.ShouldBeNull();
        influence.Contact.ShouldBe(ContactLevel.Unknown);
        influence.Mode.ShouldBe(ResponseMode.Unknown);
        influence.Counterpart.ShouldBeNull();
        influence.Status.ShouldBe(PersonStatus.Active);
        influence.Since.ShouldBeNull();
        influence.LastContact.ShouldBeNull();
        influence.Wins.ShouldBeEmpty();
        influence.Results.ShouldBeEmpty();
        sheet.Objections.ShouldHaveSingleItem().ShouldBe(new SheetObjection(null, "Too expensive", ObjectionStatus.Open));
        sheet.RedFlags.ShouldHaveSingleItem().ShouldBe(new SheetRedFlag("No budget", null));
        sheet.Strengths.ShouldHaveSingleItem().Addresses.ShouldBeEmpty();
    }

    [Fact]
    public void Read_NoListsAtAll_GivesEmptyLists()
    {
        var sheet = SheetReader.Read("""{ "schema": "keysell.strategy-sheet/1", "opportunity": { "name": "Pilot", "account": "Acme" } }""").Sheet.ShouldNotBeNull();

        sheet.Influences.ShouldBeEmpty();
        sheet.Strengths.ShouldBeEmpty();
        sheet.Objections.ShouldBeEmpty();
        sheet.RedFlags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{ "schema": "keysell.strategy-sheet/1", "opportunity": { "name": """)]
    [InlineData("""{ "schema": "keysell.strategy-sheet/1", }""")]
    [InlineData("")]
    [InlineData("not json at all")]
    public void Read_MalformedOrTruncatedJson_ReportsWhereItBroke(string json)
    {
        var result = SheetReader.Read(json);

        result.Sheet.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe("$");
        problem.Message.ShouldContain("line");
    }

    [Fact]
    public void Read_TextWithAnUnpairedSurrogate_ReportsAProblemInsteadOfThrowing()
    {
        var json = FullSheet.Replace("\"name\": \"Li Wei\"", "\"name\": \"Li Wei\uD800\"", StringComparison.Ordinal);

        var result = SheetReader.Read(json);

        result.Sheet.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe("$");
        problem.Message.ShouldContain("Unicode");
    }

    [Fact]
    public void Read_ArrayInsteadOfObject_ReportsWrongTypeAtTheRoot()
    {
        var problem = SheetReader.Read("[]").Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$");
    }

    public static TheoryData<string, string, string?> BadSheets => new()
    {
        // mutation (JSON path to set = JSON value, or "-path" to remove), expected problem path, a word the message contains
        { "$.schema=\"keysell.strategy-sheet/3\"", "$.schema", "keysell.strategy-sheet/3" },
        { "-$.schema", "$.schema", null },
        { "-$.opportunity", "$.opportunity", null },
        { "$.opportunity.name=\"  \"", "$.opportunity.name", null },
        { "$.notes=\"hello\"", "$.notes", "notes" },
        { "$.opportunity.objective.price=3", "$.opportunity.objective.price", "price" },
        { "$.influences[1].nickname=\"Fang\"", "$.influences[1].nickname", "nickname" },
        { "$.strengths[0].weight=1", "$.strengths[0].weight", "weight" },
        { "$.influences[1].support=\"2\"", "$.influences[1].support", null },
        { "$.opportunity.name=5", "$.opportunity.name", null },
        { "$.influences={}", "$.influences", null },
        { "$.influences[0].wins=[1]", "$.influences[0].wins[0]", null },
        { "$.opportunity.objective.amount=\"1200000\"", "$.opportunity.objective.amount", null },
        { "$.influences[1].support=6", "$.influences[1].support", "5" },
        { "$.influences[1].support=-6", "$.influences[1].support", "5" },
        { "$.influences[1].support=2.5", "$.influences[1].support", null },
        { "$.influences[1].support=99999999999", "$.influences[1].support", null },
        { "$.opportunity.idealCustomerScore=5.5", "$.opportunity.idealCustomerScore", "5" },
        { "$.opportunity.idealCustomerScore=-7", "$.opportunity.idealCustomerScore", "5" },
        { "$.influences[0].mode=\"happy\"", "$.influences[0].mode", "even-keel" },
        { "$.influences[0].roles=[\"economic\",\"boss\"]", "$.influences[0].roles[1]", "boss" },
        { "$.influences[0].influence=\"huge\"", "$.influences[0].influence", "huge" },
        { "$.influences[0].contact=\"daily\"", "$.influences[0].contact", "daily" },
        { "$.influences[0].status=\"retired\"", "$.influences[0].status", "left-company" },
        { "$.influences[0].mode=null", "$.influences[0].mode", null },
        { "$.opportunity.funnelLevel=\"middle\"", "$.opportunity.funnelLevel", "best-few" },
        { "$.opportunity.engagement=\"during-tender\"", "$.opportunity.engagement", "after-tender" },
        { "$.opportunity.expectedOutcome=\"win\"", "$.opportunity.expectedOutcome", "win-win" },
        { "$.objections[0].status=\"closed\"", "$.objections[0].status", "resolved" },
        { "$.strengths[0].addresses=[\"made-up\"]", "$.strengths[0].addresses[0]", "made-up" },
        { "$.influences[2].id=\"li-wei\"", "$.influences[2].id", "li-wei" },
        { "-$.influences[1].id", "$.influences[1].id", null },
        { "$.influences[1].name=\"\"", "$.influences[1].name", null },
        { "$.objections[0].from=\"nobody\"", "$.objections[0].from", "nobody" },
        { "$.redFlags[0].influence=\"nobody\"", "$.redFlags[0].influence", "nobody" },
        { "-$.objections[1].text", "$.objections[1].text", null },
        { "$.opportunity.objective.closeDate=\"2027-02-30\"", "$.opportunity.objective.closeDate", "2027-02-30" },
        { "$.influences[0].since=\"26/11/2026\"", "$.influences[0].since", "26/11/2026" },
        { "$.influences[0].lastContact=20261120", "$.influences[0].lastContact", null },
        { "$.asOf=\"yesterday\"", "$.asOf", "yesterday" },
        { "$.opportunity.objective.amount=-1", "$.opportunity.objective.amount", null },
        { "$.opportunity.objective.quantity=-0.5", "$.opportunity.objective.quantity", null },
        { "$.opportunity.objective.currency=\"yuan\"", "$.opportunity.objective.currency", "yuan" },
    };

    [Theory]
    [MemberData(nameof(BadSheets))]
    public void Read_BadValue_ReportsAProblemAtItsPath(string mutation, string expectedPath, string? messageContains)
    {
        var result = SheetReader.Read(Mutate(FullSheet, mutation));

        result.Sheet.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe(expectedPath);
        problem.Message.ShouldNotBeNullOrWhiteSpace();
        if (messageContains is not null) problem.Message.ShouldContain(messageContains);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOne()
    {
        var json = Mutate(Mutate(Mutate(Mutate(FullSheet,
            "$.influences[1].support=9"),
            "$.influences[2].mode=\"sleepy\""),
            "$.objections[0].from=\"ghost\""),
            "$.opportunity.objective.amount=-10");

        var result = SheetReader.Read(json);

        result.Sheet.ShouldBeNull();
        result.Problems.Select(p => p.Path).ShouldBe(
            ["$.opportunity.objective.amount", "$.influences[1].support", "$.influences[2].mode", "$.objections[0].from"],
            ignoreOrder: true);
    }

    [Fact]
    public void Read_RepeatedField_IsAProblem()
    {
        var json = FullSheet.Replace("\"asOf\": \"2026-11-26\",", "\"asOf\": \"2026-11-26\", \"asOf\": \"2026-11-27\",", StringComparison.Ordinal);

        SheetReader.Read(json).Problems.ShouldHaveSingleItem().Path.ShouldBe("$.asOf");
    }

    [Fact]
    public void WriteThenRead_FullSheet_GivesTheSameSheet()
    {
        var original = SheetReader.Read(FullSheet).Sheet.ShouldNotBeNull();

        var written = SheetWriter.Write(original);
        var reread = SheetReader.Read(written).Sheet.ShouldNotBeNull();

        // Written as version 2, it reads back as the same sheet marked version 2.
        reread.ShouldBeEquivalentTo(original with { Version = 2 });
        SheetWriter.Write(reread).ShouldBe(written);
    }

    [Fact]
    public void Write_FullSheet_MatchesTheContractShape()
    {
        var written = SheetWriter.Write(SheetReader.Read(FullSheet).Sheet!);

        // The input as version 2, field for field (formatting aside): the version-2 fields take their defaults.
        var expected = JsonNode.Parse(FullSheet)!;
        expected["schema"] = "keysell.strategy-sheet/2";
        expected["opportunity"]!["createdOn"] = null;
        foreach (var influence in expected["influences"]!.AsArray()) influence!["seniority"] = "unknown";
        foreach (var objection in expected["objections"]!.AsArray())
        {
            objection!["steps"] = new JsonArray();
            objection["answer"] = null;
        }
        expected["milestones"] = new JsonArray();
        expected["calls"] = new JsonArray();
        expected["actions"] = new JsonArray();
        expected["needs"] = null;
        expected["swot"] = JsonNode.Parse("""{ "strengths": [], "weaknesses": [], "opportunities": [], "threats": [] }""");
        expected["influenceLines"] = new JsonArray();
        JsonNode.DeepEquals(JsonNode.Parse(written), expected).ShouldBeTrue(written);
        written.ShouldContain("\n  \"opportunity\": {");
        written.ShouldContain("\"name\": \"王芳\"");
        written.ShouldContain("\"closeDate\": \"2027-03-31\"");
    }

    [Fact]
    public void Write_UnknownValues_WritesNullsAndDefaultsExplicitly()
    {
        var sheet = SheetReader.Read("""
            { "schema": "keysell.strategy-sheet/1", "opportunity": { "name": "Pilot", "account": "Acme" },
              "influences": [ { "id": "a", "name": "A" } ], "redFlags": [ { "text": "No budget" } ] }
            """).Sheet!;

        var written = JsonNode.Parse(SheetWriter.Write(sheet))!;

        written["asOf"].ShouldBeNull();
        written.AsObject().ContainsKey("asOf").ShouldBeFalse();
        var objective = written["opportunity"]!["objective"]!.AsObject();
        objective.Select(p => p.Key).ShouldBe(["product", "quantity", "amount", "currency", "closeDate"]);
        objective.All(p => p.Value is null).ShouldBeTrue();
        written["opportunity"]!["funnelLevel"]!.GetValue<string>().ShouldBe("above");
        written["opportunity"]!.AsObject().ContainsKey("engagement").ShouldBeTrue();
        var influence = written["influences"]![0]!.AsObject();
        influence.ContainsKey("support").ShouldBeTrue();
        influence["support"].ShouldBeNull();
        influence["roles"]!.AsArray().ShouldBeEmpty();
        influence["mode"]!.GetValue<string>().ShouldBe("unknown");
        influence["status"]!.GetValue<string>().ShouldBe("active");
        written["redFlags"]![0]!.AsObject().ContainsKey("influence").ShouldBeTrue();
    }

    [Fact]
    public void Write_AmountWithTrailingZeros_WritesThePlainNumber()
    {
        var sheet = SheetReader.Read(FullSheet).Sheet!;
        sheet = sheet with { Opportunity = sheet.Opportunity with { Objective = sheet.Opportunity.Objective with { Amount = 1200000.00m } } };

        SheetWriter.Write(sheet).ShouldContain("\"amount\": 1200000,");
    }

    [Fact]
    public void Read_Stream_ReadsTheSameAsText()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(FullSheet));

        var fromStream = SheetReader.Read(stream).Sheet.ShouldNotBeNull();

        fromStream.ShouldBeEquivalentTo(SheetReader.Read(FullSheet).Sheet);
    }

    [Fact]
    public async Task ReadAsync_TruncatedStream_ReportsAProblem()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(FullSheet[..200]));

        var result = await SheetReader.ReadAsync(stream, TestContext.Current.CancellationToken);

        result.Problems.ShouldHaveSingleItem().Path.ShouldBe("$");
    }

    /// <summary>"$.a.b[1].c=VALUE" sets a value (JSON), "-$.a.b" removes a field; a last step "[1]" sets or removes a list item.</summary>
    internal static string Mutate(string json, string mutation)
    {
        var root = JsonNode.Parse(json)!;
        var remove = mutation.StartsWith('-');
        var (path, value) = remove ? (mutation[1..], null) : (mutation[..mutation.IndexOf('=')], mutation[(mutation.IndexOf('=') + 1)..]);
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var node = root;
        foreach (var step in steps[..^1]) node = step.StartsWith('[') ? node![Index(step)]! : node![step]!;
        var last = steps[^1];
        if (last.StartsWith('['))
        {
            if (remove) node!.AsArray().RemoveAt(Index(last));
            else node![Index(last)] = JsonNode.Parse(value!);
        }
        else if (remove) node!.AsObject().Remove(last);
        else node![last] = JsonNode.Parse(value!);
        return root.ToJsonString();
    }

    private static int Index(string step) => int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture);
}
