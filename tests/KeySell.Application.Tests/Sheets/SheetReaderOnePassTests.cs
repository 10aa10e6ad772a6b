using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Application.Sheets;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Tests.Sheets;

/// <summary>
/// The one-pass reader is only a shortcut: whatever it accepts, the problem-collecting walk must accept as the same
/// sheet, and every sheet with a problem must fall through to the walk so the seller reads the walk's messages.
/// </summary>
public sealed class SheetReaderOnePassTests
{
    private const string FullSheet = SheetReaderTests.FullSheet;

    [Fact]
    public void TryReadInOnePass_FullSheet_BuildsTheSameSheetAsTheWalk()
    {
        var fast = SheetReader.TryReadInOnePass(FullSheet).ShouldNotBeNull();

        fast.ShouldBeEquivalentTo(Walk(FullSheet).Sheet.ShouldNotBeNull());
        SheetWriter.Write(fast).ShouldBe(SheetWriter.Write(Walk(FullSheet).Sheet!));
    }

    [Fact]
    public void TryReadInOnePass_OnlyRequiredFields_TakesTheContractDefaultsAsTheWalkDoes()
    {
        const string json = """
            {"schema":"keysell.strategy-sheet/1","opportunity":{"name":"Deal","account":"Acme","objective":null},
             "influences":[{"id":"a","name":"A"}],"strengths":[{"text":"Local"}],"objections":[{"text":"Price"}],"redFlags":[{"text":"Rumour"}]}
            """;

        var fast = SheetReader.TryReadInOnePass(json).ShouldNotBeNull();

        SheetWriter.Write(fast).ShouldBe(SheetWriter.Write(Walk(json).Sheet.ShouldNotBeNull()));
    }

    [Fact]
    public void TryReadInOnePass_SheetWrittenBySheetWriter_IsVersion2AndLeftToTheWalk()
    {
        // Writers write version 2, which only the walk reads; the one pass keeps version 1 (JSON Lines of sheets) fast.
        var written = SheetWriter.Write(Walk(FullSheet).Sheet!);

        SheetReader.TryReadInOnePass(written).ShouldBeNull();
        SheetReader.Read(written).Sheet.ShouldNotBeNull().Version.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(SheetReaderTests.BadSheets), MemberType = typeof(SheetReaderTests))]
    public void TryReadInOnePass_SheetWithAProblem_GivesUpForTheWalk(string mutation, string path, string? word)
    {
        _ = (path, word);

        SheetReader.TryReadInOnePass(SheetReaderTests.Mutate(FullSheet, mutation)).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("{\"schema\":\"keysell.strategy-sheet/1\",}")]
    [InlineData("/* note */ {}")]
    [InlineData("\"text\"")]
    public void TryReadInOnePass_NotASheet_GivesUpWithoutThrowing(string json) =>
        SheetReader.TryReadInOnePass(json).ShouldBeNull();

    [Fact]
    public void TryReadInOnePass_EscapedButEqualText_GivesUpOrReadsTheSame()
    {
        var json = FullSheet.Replace("\"mode\": \"growth\"", "\"mode\": \"gr\\u006fwth\"", StringComparison.Ordinal)
            .Replace("\"name\": \"Li Wei\"", "\"name\": \"Li\\u0020Wei\"", StringComparison.Ordinal);

        AgreesWithTheWalk(json).ShouldBeTrue();
        SheetReader.Read(json).Sheet.ShouldNotBeNull().Influences[0].Name.ShouldBe("Li Wei");
    }

    /// <summary>Any one value of the sheet replaced by something else, valid or not: the shortcut never disagrees.</summary>
    [Property(Arbitrary = [typeof(Mutations)], MaxTest = 500)]
    public bool TryReadInOnePass_AnyOneValueChanged_NeverDisagreesWithTheWalk(Mutation mutation) =>
        AgreesWithTheWalk(mutation.Apply(FullSheet));

    /// <summary>Any one character cut out or doubled: mostly broken JSON, sometimes a different but valid sheet.</summary>
    [Property(MaxTest = 500)]
    public bool TryReadInOnePass_OneCharacterCutOrDoubled_NeverDisagreesWithTheWalk(PositiveInt position, bool cut)
    {
        var at = position.Get % FullSheet.Length;
        var json = cut ? FullSheet.Remove(at, 1) : FullSheet.Insert(at, FullSheet[at].ToString());
        return AgreesWithTheWalk(json);
    }

    private static bool AgreesWithTheWalk(string json)
    {
        var walk = Walk(json);
        var fast = SheetReader.TryReadInOnePass(json);
        if (fast is null) return true;
        return walk.Sheet is not null && SheetWriter.Write(fast) == SheetWriter.Write(walk.Sheet);
    }

    private static SheetReadResult Walk(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return SheetReader.Read(document.RootElement);
        }
        catch (JsonException)
        {
            return new SheetReadResult(null, [new SheetProblem("$", "not JSON")]);
        }
    }

    public sealed record Mutation(string Path, string? Value)
    {
        /// <summary>Sets the value at <see cref="Path"/>, or removes the member when <see cref="Value"/> is null.</summary>
        public string Apply(string json) => SheetReaderTests.Mutate(json, Value is null ? "-" + Path : Path + "=" + Value);

        public override string ToString() => Value is null ? $"remove {Path}" : $"{Path} = {Value}";
    }

    public static class Mutations
    {
        private static readonly string[] Values =
        [
            "null", "true", "0", "-1", "1", "2", "5", "6", "-5", "-6", "2.5", "-0", "1e2", "1E400", "99999999999", "0.0000000000000000000000000001",
            "\"\"", "\"  \"", "\"x\"", "\"coach\"", "\"economic\"", "\"c\\u006fach\"", "\"high\"", "\"growth\"", "\"even-keel\"", "\"active\"",
            "\"moved\"", "\"open\"", "\"in\"", "\"best-few\"", "\"win-win\"", "\"after-tender\"", "\"CNY\"", "\"cny\"", "\"XXX\"",
            "\"2026-11-26\"", "\"2026-02-29\"", "\"2028-02-29\"", "\"0000-01-01\"", "\"2026-1-05\"", "\"2026-11-26T00:00\"", "\" 2026-11-26\"",
            "\"li-wei\"", "\"wang-fang\"", "\"nobody\"", "\"keysell.strategy-sheet/1\"", "\"no-coach\"", "\"made-up\"",
            "[]", "[\"coach\"]", "[\"coach\",\"coach\"]", "[\"coach\",\"boss\"]", "[null]", "[1]", "[\"text\"]", "{}", "{\"text\":\"t\"}",
            "[{\"text\":\"t\"}]", "[{}]", "[{\"id\":\"li-wei\",\"name\":\"Again\"}]", "[{\"id\":\"new\",\"name\":\"New\"}]",
        ];

        public static Arbitrary<Mutation> Mutation()
        {
            var nodes = Paths(JsonNode.Parse(FullSheet)!, "$").ToArray();
            var paths = nodes.Select(n => n.Path).ToArray();
            var members = paths.Where(p => !p.EndsWith(']')).ToArray();
            var objects = nodes.Where(n => n.Node is JsonObject).Select(n => n.Path).Append("$").ToArray();
            var change = from path in Gen.Elements(paths) from value in Gen.Elements(Values) select new Mutation(path, value);
            var remove = from path in Gen.Elements(members) select new Mutation(path, null);
            var add = from parent in Gen.Elements(objects)
                from name in Gen.Elements("notes", "id", "text", "name", "support")
                from value in Gen.Elements(Values)
                select new Mutation(parent + "." + name, value);
            return Arb.From(Gen.Frequency((6, change), (2, remove), (1, add)));
        }

        /// <summary>Every value below <paramref name="node"/> with its path.</summary>
        private static IEnumerable<(string Path, JsonNode? Node)> Paths(JsonNode node, string path)
        {
            var children = node switch
            {
                JsonObject obj => obj.Select(member => (Path: path + "." + member.Key, Node: member.Value)),
                JsonArray array => array.Select((item, index) => (Path: $"{path}[{index}]", Node: item)),
                _ => [],
            };
            foreach (var child in children)
            {
                yield return child;
                if (child.Node is not null) foreach (var inner in Paths(child.Node, child.Path)) yield return inner;
            }
        }
    }
}
