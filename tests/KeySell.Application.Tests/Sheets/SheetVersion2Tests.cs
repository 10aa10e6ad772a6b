using System.Text.Json.Nodes;
using KeySell.Application.Sheets;
using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Objections;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Process;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Tests.Sheets;

/// <summary>Version 2 of the sheet format: the selling toolkit read, checked and written.</summary>
public sealed class SheetVersion2Tests
{
    /// <summary>Every field of version 2, with more than one of everything a list holds.</summary>
    internal const string FullSheet = """
        {
          "schema": "keysell.strategy-sheet/2",
          "asOf": "2026-11-26",
          "opportunity": {
            "name": "ERP rollout, East China Steel",
            "account": "East China Steel Group",
            "idealCustomerScore": 2.5,
            "objective": { "product": "ERP suite", "quantity": 1, "amount": 1200000, "currency": "CNY", "closeDate": "2027-03-31" },
            "engagement": "before-project",
            "funnelLevel": "in",
            "expectedOutcome": "win-win",
            "createdOn": "2026-09-01"
          },
          "influences": [
            {
              "id": "li-wei", "name": "Li Wei", "title": "CFO",
              "roles": ["economic"], "influence": "high", "support": 2, "contact": "occasional",
              "mode": "growth", "counterpart": "Our VP Sales", "status": "active",
              "since": "2026-09-01", "lastContact": "2026-11-20",
              "wins": ["recognition"], "results": ["month-end close in 3 days"], "seniority": "top-officer"
            },
            {
              "id": "wang-fang", "name": "王芳", "title": "IT director",
              "roles": ["coach", "technical"], "influence": "medium", "support": 4, "contact": "frequent",
              "mode": "trouble", "counterpart": null, "status": "active",
              "since": null, "lastContact": "2026-11-24",
              "wins": ["promotion"], "results": [], "seniority": "manager"
            }
          ],
          "strengths": [ { "text": "Only vendor with a local support centre", "addresses": ["coach-weak", "no-next-step"] } ],
          "objections": [
            { "from": "li-wei", "text": "Price is 20% above budget", "status": "open", "steps": ["listened", "confirmed", "answered"], "answer": "case" },
            { "from": null, "text": "Go-live before Chinese New Year?", "status": "deferred", "steps": [], "answer": null }
          ],
          "redFlags": [ { "text": "Rumoured reorganisation in IT", "influence": "wang-fang" } ],
          "milestones": [
            { "id": "confirm-opportunity", "done": "2026-09-10", "evidence": "Budget line seen in the 2027 plan" },
            { "id": "pre-call-research", "done": null, "evidence": null }
          ],
          "calls": [
            { "id": "c1", "date": "2026-11-20", "with": ["li-wei"], "status": "done",
              "commitment": "Li Wei agrees to a pilot in one plant",
              "questions": [ { "type": "situation", "text": "How is month-end closed today?" },
                             { "type": "implication", "text": "What does a late close cost the group?" } ],
              "outcome": "advance", "notes": "Pilot agreed for January" },
            { "id": "c2", "date": "2026-12-03", "with": ["li-wei", "wang-fang"], "status": "planned",
              "commitment": null, "questions": [ { "type": "need-payoff", "text": "What would a 3-day close be worth?" } ],
              "outcome": null, "notes": null }
          ],
          "actions": [
            { "id": "a1", "text": "Send the reference case of Baosteel", "owner": "Our VP Sales",
              "due": "2026-12-01", "status": "open", "influence": "li-wei", "addresses": ["coach-weak"] },
            { "id": "a2", "text": "Book the plant visit", "owner": null, "due": null, "status": "done", "influence": null, "addresses": [] }
          ],
          "needs": {
            "currentState": "Month-end close takes 12 days across 9 subsidiaries",
            "branches": [
              { "layer": "finance", "problem": "Cash tied up by slow invoicing",
                "children": [ { "problem": "Invoices wait for manual matching", "children": [], "solution": "Automatic three-way matching" } ],
                "solution": null },
              { "layer": "process", "problem": "Nine charts of accounts", "children": [], "solution": "One group chart" }
            ]
          },
          "swot": { "strengths": ["Local support centre"], "weaknesses": ["No steel reference"], "opportunities": [], "threats": ["Incumbent's price cut"] },
          "influenceLines": [ { "from": "wang-fang", "to": "li-wei", "strength": "strong", "note": "Old classmates" } ]
        }
        """;

    /// <summary>The smallest version-2 sheet that still has one of every list item.</summary>
    private const string Minimal = """
        {
          "schema": "keysell.strategy-sheet/2",
          "opportunity": { "name": "Pilot", "account": "Acme" },
          "influences": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
          "objections": [ { "text": "Too expensive" } ],
          "milestones": [ { "id": "agreement" } ],
          "calls": [ { "id": "c1", "date": "2026-12-01" } ],
          "actions": [ { "id": "a1", "text": "Call back" } ],
          "needs": { "branches": [ { "layer": "customers", "problem": "Churn" } ] },
          "swot": { "threats": ["New entrant"] },
          "influenceLines": [ { "from": "a", "to": "b" } ]
        }
        """;

    [Fact]
    public void Read_FullVersion2Sheet_ReturnsEveryField()
    {
        var result = SheetReader.Read(FullSheet);

        result.Problems.ShouldBeEmpty();
        var sheet = result.Sheet.ShouldNotBeNull();
        sheet.Version.ShouldBe(2);
        sheet.Opportunity.CreatedOn.ShouldBe(new DateOnly(2026, 9, 1));
        sheet.Influences.Select(i => i.Seniority).ShouldBe([Seniority.TopOfficer, Seniority.Manager]);
        sheet.Strengths[0].Addresses.ShouldBe(["coach-weak", "no-next-step"]);
        sheet.Objections[0].Steps.ShouldBe([ObjectionStep.Listened, ObjectionStep.Confirmed, ObjectionStep.Answered]);
        sheet.Objections[0].Answer.ShouldBe(ObjectionAnswer.Case);
        sheet.Objections[1].Steps.ShouldBeEmpty();
        sheet.Objections[1].Answer.ShouldBeNull();
        sheet.Milestones.ShouldBe([
            new SheetMilestone(Milestone.ConfirmOpportunity, new DateOnly(2026, 9, 10), "Budget line seen in the 2027 plan"),
            new SheetMilestone(Milestone.PreCallResearch, null, null)]);

        sheet.Calls.Count.ShouldBe(2);
        var held = sheet.Calls[0];
        (held.Id, held.Date, held.Status, held.Outcome).ShouldBe(("c1", new DateOnly(2026, 11, 20), CallStatus.Done, CallOutcome.Advance));
        held.With.ShouldBe(["li-wei"]);
        held.Commitment.ShouldBe("Li Wei agrees to a pilot in one plant");
        held.Questions.ShouldBe([
            new CallQuestion(SpinType.Situation, "How is month-end closed today?"),
            new CallQuestion(SpinType.Implication, "What does a late close cost the group?")]);
        held.Notes.ShouldBe("Pilot agreed for January");
        sheet.Calls[1].Questions.ShouldHaveSingleItem().Type.ShouldBe(SpinType.NeedPayoff);
        sheet.Calls[1].With.ShouldBe(["li-wei", "wang-fang"]);

        var action = sheet.Actions[0];
        (action.Id, action.Text, action.Owner, action.Due, action.Status, action.Influence)
            .ShouldBe(("a1", "Send the reference case of Baosteel", "Our VP Sales", (DateOnly?)new DateOnly(2026, 12, 1), ActionStatus.Open, "li-wei"));
        action.Addresses.ShouldBe(["coach-weak"]);
        sheet.Actions[1].Status.ShouldBe(ActionStatus.Done);

        var needs = sheet.Needs.ShouldNotBeNull();
        needs.CurrentState.ShouldBe("Month-end close takes 12 days across 9 subsidiaries");
        needs.Branches.Select(b => b.Layer).ShouldBe([NeedLayer.Finance, NeedLayer.Process]);
        var leaf = needs.Branches[0].Children.ShouldHaveSingleItem();
        (leaf.Layer, leaf.Problem, leaf.Solution, leaf.IsLeaf).ShouldBe(((NeedLayer?)null, "Invoices wait for manual matching", "Automatic three-way matching", true));
        needs.Branches[0].Solution.ShouldBeNull();

        sheet.Swot.Strengths.ShouldBe(["Local support centre"]);
        sheet.Swot.Weaknesses.ShouldBe(["No steel reference"]);
        sheet.Swot.Opportunities.ShouldBeEmpty();
        sheet.Swot.Threats.ShouldBe(["Incumbent's price cut"]);
        sheet.InfluenceLines.ShouldBe([new SheetInfluenceLine("wang-fang", "li-wei", LineStrength.Strong, "Old classmates")]);
    }

    [Fact]
    public void Read_Version2OnlyRequiredFields_AppliesTheContractDefaults()
    {
        var sheet = SheetReader.Read(Minimal).Sheet.ShouldNotBeNull();

        sheet.Version.ShouldBe(2);
        sheet.Opportunity.CreatedOn.ShouldBeNull();
        sheet.Influences.ShouldAllBe(i => i.Seniority == Seniority.Unknown);
        sheet.Objections[0].Steps.ShouldBeEmpty();
        sheet.Objections[0].Answer.ShouldBeNull();
        sheet.Milestones.ShouldBe([new SheetMilestone(Milestone.Agreement, null, null)]);
        var call = sheet.Calls.ShouldHaveSingleItem();
        (call.Id, call.Date, call.Status, call.Commitment, call.Outcome, call.Notes)
            .ShouldBe(("c1", new DateOnly(2026, 12, 1), CallStatus.Planned, (string?)null, (CallOutcome?)null, (string?)null));
        call.With.ShouldBeEmpty();
        call.Questions.ShouldBeEmpty();
        var action = sheet.Actions.ShouldHaveSingleItem();
        (action.Id, action.Text, action.Owner, action.Due, action.Status, action.Influence)
            .ShouldBe(("a1", "Call back", (string?)null, (DateOnly?)null, ActionStatus.Open, (string?)null));
        action.Addresses.ShouldBeEmpty();
        var needs = sheet.Needs.ShouldNotBeNull();
        needs.CurrentState.ShouldBeNull();
        var branch = needs.Branches.ShouldHaveSingleItem();
        (branch.Layer, branch.Problem, branch.Solution).ShouldBe(((NeedLayer?)NeedLayer.Customers, "Churn", (string?)null));
        branch.Children.ShouldBeEmpty();
        sheet.Swot.Threats.ShouldBe(["New entrant"]);
        sheet.Swot.Strengths.ShouldBeEmpty();
        sheet.InfluenceLines.ShouldBe([new SheetInfluenceLine("a", "b", LineStrength.Medium, null)]);
    }

    [Fact]
    public void Read_Version2WithoutAnyToolkit_IsAnEmptyVersion2Sheet()
    {
        var sheet = SheetReader.Read("""{ "schema": "keysell.strategy-sheet/2", "opportunity": { "name": "P", "account": "A" }, "needs": null, "swot": null }""")
            .Sheet.ShouldNotBeNull();

        sheet.Version.ShouldBe(2);
        sheet.Milestones.ShouldBeEmpty();
        sheet.Calls.ShouldBeEmpty();
        sheet.Actions.ShouldBeEmpty();
        sheet.Needs.ShouldBeNull();
        sheet.Swot.ShouldBe(SheetSwot.Empty);
        sheet.InfluenceLines.ShouldBeEmpty();
    }

    [Fact]
    public void Read_Version1Sheet_IsMarkedVersion1()
    {
        var sheet = SheetReader.Read(SheetReaderTests.FullSheet).Sheet.ShouldNotBeNull();

        sheet.Version.ShouldBe(1);
        sheet.IsVersion2.ShouldBeFalse();
    }

    public static TheoryData<string, string> Version2FieldsInVersion1 => new()
    {
        { "$.opportunity.createdOn=\"2026-09-01\"", "$.opportunity.createdOn" },
        { "$.influences[0].seniority=\"top-officer\"", "$.influences[0].seniority" },
        { "$.objections[0].steps=[\"listened\"]", "$.objections[0].steps" },
        { "$.objections[0].answer=\"case\"", "$.objections[0].answer" },
        { "$.milestones=[]", "$.milestones" },
        { "$.calls=[]", "$.calls" },
        { "$.actions=[]", "$.actions" },
        { "$.needs=null", "$.needs" },
        { "$.swot={}", "$.swot" },
        { "$.influenceLines=[]", "$.influenceLines" },
    };

    [Theory]
    [MemberData(nameof(Version2FieldsInVersion1))]
    public void Read_Version1SheetWithAVersion2Field_RejectsItAsUnknown(string mutation, string path)
    {
        var result = SheetReader.Read(SheetReaderTests.Mutate(SheetReaderTests.FullSheet, mutation));

        result.Sheet.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe(path);
        problem.Message.ShouldContain(path[(path.LastIndexOf('.') + 1)..]);
        problem.Message.ShouldStartWith("Unknown field");
    }

    [Fact]
    public void Read_Version1StrengthAddressingAVersion2Rule_RejectsTheId()
    {
        var json = SheetReaderTests.Mutate(SheetReaderTests.FullSheet, "$.strengths[0].addresses=[\"no-next-step\"]");

        var problem = SheetReader.Read(json).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.strengths[0].addresses[0]");
        problem.Message.ShouldContain("'no-next-step'");
    }

    public static TheoryData<string, string, string?> BadVersion2Sheets => new()
    {
        // mutation of FullSheet, expected problem path, what the message quotes
        { "$.opportunity.createdOn=\"2026-13-01\"", "$.opportunity.createdOn", "2026-13-01" },
        { "$.influences[0].seniority=\"boss\"", "$.influences[0].seniority", "'boss'" },
        { "$.objections[0].steps=[\"listened\",\"agreed\"]", "$.objections[0].steps[1]", "'agreed'" },
        { "$.objections[0].steps=[\"listened\",\"listened\"]", "$.objections[0].steps[1]", "'listened'" },
        { "$.objections[0].answer=\"brochure\"", "$.objections[0].answer", "'brochure'" },
        { "$.milestones[1].id=\"confirm-opportunity\"", "$.milestones[1].id", "'confirm-opportunity'" },
        { "$.milestones[0].id=\"signed\"", "$.milestones[0].id", "'signed'" },
        { "-$.milestones[0].id", "$.milestones[0].id", null },
        { "$.milestones[0].done=\"10.09.2026\"", "$.milestones[0].done", "10.09.2026" },
        { "$.calls[1].id=\"c1\"", "$.calls[1].id", "'c1'" },
        { "$.calls[0].id=\"\"", "$.calls[0].id", null },
        { "-$.calls[0].id", "$.calls[0].id", null },
        { "-$.calls[0].date", "$.calls[0].date", null },
        { "$.calls[1].with[1]=\"ghost\"", "$.calls[1].with[1]", "'ghost'" },
        { "$.calls[0].status=\"held\"", "$.calls[0].status", "'held'" },
        { "$.calls[0].outcome=\"win\"", "$.calls[0].outcome", "'win'" },
        { "$.calls[1].outcome=\"advance\"", "$.calls[1].outcome", "'advance'" },
        { "$.calls[0].questions[1].type=\"closing\"", "$.calls[0].questions[1].type", "'closing'" },
        { "-$.calls[0].questions[1].type", "$.calls[0].questions[1].type", null },
        { "$.calls[0].questions[1].text=\" \"", "$.calls[0].questions[1].text", null },
        { "$.calls[0].agenda=\"x\"", "$.calls[0].agenda", "agenda" },
        { "$.actions[1].id=\"a1\"", "$.actions[1].id", "'a1'" },
        { "$.actions[0].id=\" \"", "$.actions[0].id", null },
        { "-$.actions[0].text", "$.actions[0].text", null },
        { "$.actions[0].status=\"late\"", "$.actions[0].status", "'late'" },
        { "$.actions[0].influence=\"ghost\"", "$.actions[0].influence", "'ghost'" },
        { "$.actions[0].addresses=[\"coach-weak\",\"too-slow\"]", "$.actions[0].addresses[1]", "'too-slow'" },
        { "$.actions[0].due=\"soon\"", "$.actions[0].due", "soon" },
        { "-$.needs.branches[0].layer", "$.needs.branches[0].layer", null },
        { "$.needs.branches[0].layer=\"sales\"", "$.needs.branches[0].layer", "'sales'" },
        { "$.needs.branches[0].children[0].layer=\"finance\"", "$.needs.branches[0].children[0].layer", "'finance'" },
        { "$.needs.branches[1].problem=\"\"", "$.needs.branches[1].problem", null },
        { "-$.needs.branches[0].children[0].problem", "$.needs.branches[0].children[0].problem", null },
        { "$.needs.owner=\"x\"", "$.needs.owner", "owner" },
        { "$.swot.threats=[3]", "$.swot.threats[0]", null },
        { "$.swot.risks=[]", "$.swot.risks", "risks" },
        { "$.influenceLines[0].to=\"wang-fang\"", "$.influenceLines[0].to", "'wang-fang'" },
        { "$.influenceLines[0].from=\"ghost\"", "$.influenceLines[0].from", "'ghost'" },
        { "$.influenceLines[0].strength=\"huge\"", "$.influenceLines[0].strength", "'huge'" },
        { "-$.influenceLines[0].to", "$.influenceLines[0].to", null },
        { "$.schema=\"keysell.strategy-sheet/3\"", "$.schema", "'keysell.strategy-sheet/3'" },
    };

    [Theory]
    [MemberData(nameof(BadVersion2Sheets))]
    public void Read_BadVersion2Value_ReportsOneProblemAtItsPath(string mutation, string expectedPath, string? quoted)
    {
        var result = SheetReader.Read(SheetReaderTests.Mutate(FullSheet, mutation));

        result.Sheet.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe(expectedPath);
        problem.Message.ShouldNotBeNullOrWhiteSpace();
        if (quoted is not null) problem.Message.ShouldContain(quoted);
    }

    [Fact]
    public void Read_BadVersion2Value_SpeaksChineseUnderAChineseCulture()
    {
        var json = SheetReaderTests.Mutate(FullSheet, "$.calls[1].id=\"c1\"");
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hans");
        try
        {
            SheetReader.Read(json).Problems.ShouldHaveSingleItem().Message.ShouldBe("拜访标识“c1”在此策略表中被使用了不止一次。");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Read_TwoHundredCalls_IsAccepted_TwoHundredAndOne_IsTooMany()
    {
        Read(Calls(200)).Problems.ShouldBeEmpty();

        var problem = Read(Calls(201)).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.calls");
        problem.Message.ShouldContain("200");
        problem.Message.ShouldContain("201");
    }

    [Fact]
    public void Read_FiveHundredActions_IsAccepted_FiveHundredAndOne_IsTooMany()
    {
        Read(Actions(500)).Problems.ShouldBeEmpty();

        var problem = Read(Actions(501)).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.actions");
        problem.Message.ShouldContain("501");
    }

    [Fact]
    public void Read_FiveHundredNeedsNodesInAll_IsAccepted_FiveHundredAndOne_IsTooMany()
    {
        // 100 branches of 5 nodes each (a chain 5 deep) is 500; one more leaf makes 501.
        Read(Needs(100, chain: 5, extraLeaf: false)).Problems.ShouldBeEmpty();

        var problem = Read(Needs(100, chain: 5, extraLeaf: true)).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.needs");
        problem.Message.ShouldContain("501");
    }

    [Fact]
    public void Read_NeedsSixDeep_IsAccepted_SevenDeep_IsTooDeep()
    {
        Read(Needs(1, chain: 6, extraLeaf: false)).Problems.ShouldBeEmpty();

        var problem = Read(Needs(1, chain: 7, extraLeaf: false)).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.needs.branches[0]" + string.Concat(Enumerable.Repeat(".children[0]", 6)));
        problem.Message.ShouldContain("6");
    }

    [Fact]
    public void Read_TextOfFourThousandAndOneCharacters_IsTooLong()
    {
        Read(Toolkit("\"calls\": [ { \"id\": \"c1\", \"date\": \"2026-12-01\", \"notes\": \"" + new string('x', 4000) + "\" } ]")).Problems.ShouldBeEmpty();

        var problem = Read(Toolkit("\"calls\": [ { \"id\": \"c1\", \"date\": \"2026-12-01\", \"notes\": \"" + new string('x', 4001) + "\" } ]"))
            .Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.calls[0].notes");
        problem.Message.ShouldContain("4,001");
    }

    [Fact]
    public void Read_SeveralVersion2Problems_ReportsEveryOne()
    {
        var json = SheetReaderTests.Mutate(SheetReaderTests.Mutate(SheetReaderTests.Mutate(FullSheet,
            "$.calls[0].with[0]=\"ghost\""), "$.actions[1].id=\"a1\""), "$.needs.branches[1].layer=\"sales\"");

        SheetReader.Read(json).Problems.Select(p => p.Path).ShouldBe(
            ["$.calls[0].with[0]", "$.actions[1].id", "$.needs.branches[1].layer"], ignoreOrder: true);
    }

    [Fact]
    public void TryReadInOnePass_Version2_GivesUpForTheWalk_Version1_StaysOnTheFastPath()
    {
        SheetReader.TryReadInOnePass(FullSheet).ShouldBeNull();
        SheetReader.TryReadInOnePass(SheetReaderTests.FullSheet).ShouldNotBeNull().Version.ShouldBe(1);
        SheetReader.Read(FullSheet).Sheet.ShouldNotBeNull().Version.ShouldBe(2);
    }

    [Fact]
    public void Write_FullVersion2Sheet_WritesTheSameDocument()
    {
        var written = SheetWriter.Write(SheetReader.Read(FullSheet).Sheet!);

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(FullSheet)).ShouldBeTrue(written);
    }

    [Fact]
    public void Write_AnySheet_PutsEveryFieldInTheContractsOrder()
    {
        var written = JsonNode.Parse(SheetWriter.Write(SheetReader.Read(Minimal).Sheet!))!.AsObject();

        written["schema"]!.GetValue<string>().ShouldBe("keysell.strategy-sheet/2");
        written.Select(p => p.Key).ShouldBe(
            ["schema", "opportunity", "influences", "strengths", "objections", "redFlags", "milestones", "calls", "actions", "needs", "swot", "influenceLines"]);
        written["opportunity"]!.AsObject().Select(p => p.Key).Last().ShouldBe("createdOn");
        written["influences"]![0]!.AsObject().Select(p => p.Key).Last().ShouldBe("seniority");
        written["objections"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["from", "text", "status", "steps", "answer"]);
        written["milestones"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["id", "done", "evidence"]);
        written["calls"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["id", "date", "with", "status", "commitment", "questions", "outcome", "notes"]);
        written["actions"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["id", "text", "owner", "due", "status", "influence", "addresses"]);
        written["needs"]!.AsObject().Select(p => p.Key).ShouldBe(["currentState", "branches"]);
        written["needs"]!["branches"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["layer", "problem", "children", "solution"]);
        written["swot"]!.AsObject().Select(p => p.Key).ShouldBe(["strengths", "weaknesses", "opportunities", "threats"]);
        written["influenceLines"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["from", "to", "strength", "note"]);
        written["influenceLines"]![0]!["strength"]!.GetValue<string>().ShouldBe("medium");
    }

    [Fact]
    public void Write_ChildNeeds_CarryNoLayer()
    {
        var written = JsonNode.Parse(SheetWriter.Write(SheetReader.Read(FullSheet).Sheet!))!;

        written["needs"]!["branches"]![0]!["children"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["problem", "children", "solution"]);
    }

    [Fact]
    public void Write_MilestonesAndStepsInAnyOrder_WritesThemInTheMethodsOrder()
    {
        var sheet = SheetReader.Read(Minimal).Sheet! with
        {
            Milestones =
            [
                new SheetMilestone(Milestone.Agreement, null, null), new SheetMilestone(Milestone.ConfirmOpportunity, new DateOnly(2026, 9, 1), null),
                new SheetMilestone(Milestone.NeedsAnalysis, null, "tree drawn"),
            ],
        };
        sheet = sheet with { Objections = [sheet.Objections[0] with { Steps = [ObjectionStep.Answered, ObjectionStep.Listened] }] };

        var written = JsonNode.Parse(SheetWriter.Write(sheet))!;

        written["milestones"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ShouldBe(["confirm-opportunity", "needs-analysis", "agreement"]);
        written["objections"]![0]!["steps"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["listened", "answered"]);
    }

    [Fact]
    public void Write_StepsInAnyOrderInTheInput_ReadsAndWritesInTheMethodsOrder()
    {
        var json = SheetReaderTests.Mutate(FullSheet, "$.objections[0].steps=[\"answered\",\"listened\"]");

        SheetReader.Read(json).Sheet!.Objections[0].Steps.ShouldBe([ObjectionStep.Listened, ObjectionStep.Answered]);
    }

    private static SheetReadResult Read(string json) => SheetReader.Read(json);

    private static string Toolkit(string lists) => $$"""
        { "schema": "keysell.strategy-sheet/2", "opportunity": { "name": "P", "account": "A" }, {{lists}} }
        """;

    private static string Calls(int count) =>
        Toolkit("\"calls\": [" + string.Join(",", Enumerable.Range(1, count).Select(i => $"{{\"id\":\"c{i}\",\"date\":\"2026-12-01\"}}")) + "]");

    private static string Actions(int count) =>
        Toolkit("\"actions\": [" + string.Join(",", Enumerable.Range(1, count).Select(i => $"{{\"id\":\"a{i}\",\"text\":\"Do {i}\"}}")) + "]");

    /// <summary><paramref name="branches"/> first-level branches, each a chain of <paramref name="chain"/> nodes.</summary>
    private static string Needs(int branches, int chain, bool extraLeaf)
    {
        static string Chain(int depth, int left) => left == 1
            ? "{" + (depth == 1 ? "\"layer\":\"finance\"," : "") + "\"problem\":\"p\"}"
            : "{" + (depth == 1 ? "\"layer\":\"finance\"," : "") + "\"problem\":\"p\",\"children\":[" + Chain(depth + 1, left - 1) + "]}";
        var all = Enumerable.Range(0, branches).Select(_ => Chain(1, chain)).ToList();
        if (extraLeaf) all.Add("{\"layer\":\"process\",\"problem\":\"one more\"}");
        return Toolkit("\"needs\": { \"currentState\": \"s\", \"branches\": [" + string.Join(",", all) + "] }");
    }
}
