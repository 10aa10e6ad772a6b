using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KeySell.Application.Common;
using KeySell.Application.RedFlags;

namespace KeySell.Application.Tests.RedFlags;

/// <summary>The needs, calls and milestones parts of the analysis: exactly the contract's keys, and absent on version 1.</summary>
public sealed class AnalysisDocumentVersion2Tests
{
    private static JsonObject Written(KeySell.Domain.Sheets.SheetAnalysis analysis)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new AnalysisWriter(RedFlagWords.English).WriteCompact(buffer, analysis);
        return JsonNode.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan))!.AsObject();
    }

    [Fact]
    public void WriteCompact_Version2Sheet_AddsTheThreePartsAfterTheFunnel()
    {
        var written = Written(AnalysisExamples.EveryVersion2Flag());

        written.Select(p => p.Key).ShouldBe(["opportunity", "asOf", "redFlags", "receptive", "unreceptive", "funnel", "needs", "calls", "milestones"]);
        JsonNode.DeepEquals(written["needs"], JsonNode.Parse("""
            { "rooted": false, "decomposed": false, "landed": false, "layers": ["finance", "process"], "leaves": 3, "unlandedLeaves": 2 }
            """)).ShouldBeTrue(written["needs"]!.ToJsonString());
        JsonNode.DeepEquals(written["calls"], JsonNode.Parse("""{ "done": 2, "advances": 0, "continuations": 2, "nextCall": "2026-12-04" }"""))
            .ShouldBeTrue(written["calls"]!.ToJsonString());
        JsonNode.DeepEquals(written["milestones"], JsonNode.Parse("""{ "done": ["confirm-opportunity", "discover-pain"], "next": "pre-call-research" }"""))
            .ShouldBeTrue(written["milestones"]!.ToJsonString());
        written["needs"]!.AsObject().Select(p => p.Key).ShouldBe(["rooted", "decomposed", "landed", "layers", "leaves", "unlandedLeaves"]);
    }

    [Fact]
    public void WriteCompact_Version2SheetWithoutTree_WritesNeedsAsNull()
    {
        var written = Written(AnalysisExamples.Version2WithoutNextStep());

        written.ContainsKey("needs").ShouldBeTrue();
        written["needs"].ShouldBeNull();
        JsonNode.DeepEquals(written["calls"], JsonNode.Parse("""{ "done": 0, "advances": 0, "continuations": 0, "nextCall": null }""")).ShouldBeTrue();
        JsonNode.DeepEquals(written["milestones"], JsonNode.Parse("""{ "done": [], "next": "confirm-opportunity" }""")).ShouldBeTrue();
    }

    [Fact]
    public void WriteCompact_Version1Sheet_HasNoVersion2Parts()
    {
        var written = Written(AnalysisExamples.EveryFlag());

        written.Select(p => p.Key).ShouldBe(["opportunity", "asOf", "redFlags", "receptive", "unreceptive", "funnel"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Serialise_WithTheApisConventions_GivesTheSameDocumentAsTheWriter(bool version2)
    {
        // The web API serialises AnalysisDocument with ApiJson; it must carry the same parts as keysell analyze.
        var analysis = version2 ? AnalysisExamples.EveryVersion2Flag() : AnalysisExamples.EveryFlag();
        var options = new JsonSerializerOptions();
        ApiJson.Apply(options);

        var serialised = JsonNode.Parse(JsonSerializer.Serialize(AnalysisDocument.From(analysis, RedFlagWords.English), options));

        JsonNode.DeepEquals(serialised, Written(analysis)).ShouldBeTrue(serialised!.ToJsonString());
    }

    [Fact]
    public void Deserialise_Version2Document_ReadsTheThreePartsBack()
    {
        var options = new JsonSerializerOptions();
        ApiJson.Apply(options);
        var json = JsonSerializer.Serialize(AnalysisDocument.From(AnalysisExamples.Version2WithoutNextStep(), RedFlagWords.English), options);

        var document = JsonSerializer.Deserialize<AnalysisDocument>(json, options).ShouldNotBeNull();

        document.Needs.ShouldNotBeNull().Tree.ShouldBeNull();
        document.Milestones!.Next.ShouldBe("confirm-opportunity");
    }
}
