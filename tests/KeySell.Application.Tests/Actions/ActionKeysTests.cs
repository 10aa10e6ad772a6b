using KeySell.Application.Actions;
using KeySell.Application.Common;

namespace KeySell.Application.Tests.Actions;

/// <summary>The sheet ids the server makes for actions, and the ids a caller may give.</summary>
public sealed class ActionKeysTests
{
    [Theory]
    [InlineData(new string[0], "a1")]
    [InlineData(new[] { "a1", "a2" }, "a3")]
    [InlineData(new[] { "a1", "a7", "a3" }, "a8")]                // one past the highest, never a gap's number
    [InlineData(new[] { "send-case", "ab2", "a", "a-3", "A9" }, "a1")] // ids of other shapes do not count
    public void Next_TakenIds_IsOnePastTheHighestANumber(string[] taken, string expected) =>
        ActionKeys.Next(taken).ShouldBe(expected);

    [Theory]
    [InlineData("  ", "id")]
    [InlineData("a1", "id")]
    public void Check_BlankOrTaken_IsAnErrorOnId(string id, string field)
    {
        var validation = new Validation();

        ActionKeys.Check(validation, id, ["a1"]).ShouldBeNull();

        validation.ToError().Fields.Keys.ShouldBe([field]);
    }

    [Fact]
    public void Check_TakenId_QuotesTheValue()
    {
        var validation = new Validation();

        ActionKeys.Check(validation, "a1", ["a1"]);

        validation.ToError().Fields["id"].Single().ShouldContain("a1");
    }

    [Fact]
    public void Check_FreeId_IsTrimmed() => ActionKeys.Check(new Validation(), " call-ceo ", ["a1"]).ShouldBe("call-ceo");
}
