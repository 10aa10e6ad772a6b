using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Application.Sheets;
using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Process;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Tests.Sheets;

/// <summary>Export → read → export of any valid version-2 sheet gives the same bytes.</summary>
public sealed class SheetVersion2Properties
{
    [Property(Arbitrary = [typeof(Version2Sheets)], MaxTest = 300)]
    public bool WriteReadWrite_AnyVersion2Sheet_IsByteIdentical(StrategySheet sheet)
    {
        var first = SheetWriter.Write(sheet);
        var read = SheetReader.Read(first);
        if (!read.Succeeded) throw new InvalidOperationException(string.Join("; ", read.Problems) + "\n" + first);

        return SheetWriter.Write(read.Sheet!) == first;
    }

    public static class Version2Sheets
    {
        private static readonly string[] Texts = ["Pilot in one plant", "王芳的团队", "Quote \"this\"", "line\nbreak", "", "ROI > 20%"];

        public static Arbitrary<StrategySheet> Sheet() => Arb.From(SheetGen());

        private static Gen<string> Text() => Gen.Elements(Texts.Where(t => t.Length > 0).ToArray());

        private static Gen<string?> OptionalText() => Gen.Elements<string?>([null, .. Texts]);

        private static Gen<DateOnly> Day() => Gen.Choose(-60, 60).Select(d => new DateOnly(2026, 11, 26).AddDays(d));

        private static Gen<DateOnly?> OptionalDay() => Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (3, Day().Select(d => (DateOnly?)d)));

        private static Gen<T> OneOf<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

        private static Gen<List<T>> Some<T>(Gen<T> gen, int max) => Gen.Choose(0, max).SelectMany(n => gen.ListOf(n)).Select(l => l.ToList());

        private static Gen<StrategySheet> SheetGen() =>
            from people in Gen.Choose(0, 5)
            from seniorities in OneOf<Seniority>().ListOf(people)
            from createdOn in OptionalDay()
            from level in OneOf<FunnelLevel>()
            from objections in Some(ObjectionGen(people), 3)
            from milestones in Gen.Elements(Enum.GetValues<Milestone>()).ListOf(4)
            from milestoneDays in OptionalDay().ListOf(4)
            from calls in Some(CallGen(people), 4)
            from actions in Some(ActionGen(people), 4)
            from needs in Gen.Frequency((1, Gen.Constant<SheetNeeds?>(null)), (3, NeedsGen().Select(n => (SheetNeeds?)n)))
            from swot in Some(Text(), 2).ListOf(4)
            from lines in Some(LineGen(people), people < 2 ? 0 : 3)
            let influences = Enumerable.Range(0, people).Select(i => new SheetInfluence($"p{i}", $"Person {i}", null, BuyingRoles.User,
                InfluenceLevel.Medium, 1, ContactLevel.Occasional, ResponseMode.Growth, null, PersonStatus.Active, null, null, [], [])
            {
                Seniority = seniorities[i],
            }).ToList()
            select new StrategySheet(new DateOnly(2026, 11, 26),
                new SheetOpportunity("Deal", "Account", null, SheetObjective.Empty, null, level, null) { CreatedOn = createdOn },
                influences, [new SheetStrength("Local team", ["no-next-step", "coach-weak"])], objections, [])
            {
                Version = 2,
                Milestones = milestones.Distinct().Order().Select((m, i) => new SheetMilestone(m, milestoneDays[i], i % 2 == 0 ? null : "evidence")).ToList(),
                Calls = calls.Select((c, i) => c with { Id = $"c{i + 1}" }).ToList(),
                Actions = actions.Select((a, i) => a with { Id = $"a{i + 1}" }).ToList(),
                Needs = needs,
                Swot = new SheetSwot(swot[0], swot[1], swot[2], swot[3]),
                InfluenceLines = lines,
            };

        private static Gen<SheetObjection> ObjectionGen(int people) =>
            from who in Gen.Choose(-1, people - 1)
            from text in Text()
            from status in OneOf<ObjectionStatus>()
            from steps in Gen.Elements(Enum.GetValues<ObjectionStep>()).ListOf(3)
            from answer in Gen.Elements<ObjectionAnswer?>(null, ObjectionAnswer.Case, ObjectionAnswer.ThirdPartyData, ObjectionAnswer.ProductClaim)
            select new SheetObjection(who < 0 ? null : $"p{who}", text, status) { Steps = steps.Distinct().Order().ToList(), Answer = answer };

        private static Gen<SheetCall> CallGen(int people) =>
            from date in Day()
            from with in Gen.Choose(0, Math.Max(0, people - 1)).ListOf(people == 0 ? 0 : 2)
            from status in OneOf<CallStatus>()
            from outcome in Gen.Elements<CallOutcome?>(null, CallOutcome.Advance, CallOutcome.Continuation, CallOutcome.NoSale)
            from commitment in OptionalText()
            from questions in Some(from type in OneOf<SpinType>() from text in Text() select new CallQuestion(type, text), 3)
            from notes in OptionalText()
            select new SheetCall("c", date, with.Select(w => $"p{w}").ToList(), status, commitment, questions,
                status == CallStatus.Done ? outcome : null, notes);

        private static Gen<SheetAction> ActionGen(int people) =>
            from text in Text()
            from owner in Gen.Elements<string?>(null, "Our VP Sales", "李明")
            from due in OptionalDay()
            from status in OneOf<ActionStatus>()
            from influence in Gen.Choose(-1, people - 1)
            from addresses in Gen.Elements(RedFlagIds.All.ToArray()).ListOf(2)
            select new SheetAction("a", text, owner, due, status, influence < 0 ? null : $"p{influence}", addresses.Distinct().ToList());

        private static Gen<SheetNeeds> NeedsGen() =>
            from state in OptionalText()
            from branches in Some(NodeGen(1).SelectMany(n => OneOf<NeedLayer>().Select(l => n with { Layer = l })), 4)
            select new SheetNeeds(state, branches);

        private static Gen<SheetNeed> NodeGen(int depth) =>
            from problem in Text()
            from solution in OptionalText()
            from children in depth >= 3 ? Gen.Constant(new List<SheetNeed>()) : Some(NodeGen(depth + 1), 2)
            select new SheetNeed(null, problem, children, solution);

        private static Gen<SheetInfluenceLine> LineGen(int people) =>
            from a in Gen.Choose(0, Math.Max(0, people - 1))
            from step in Gen.Choose(1, Math.Max(1, people - 1))
            from strength in OneOf<LineStrength>()
            from note in OptionalText()
            select new SheetInfluenceLine($"p{a}", $"p{(a + step) % Math.Max(1, people)}", strength, note);
    }
}
