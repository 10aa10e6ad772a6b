using KeySell.Application.BuyingInfluences;

namespace KeySell.Application.Tests.BuyingInfluences;

public class InfluenceKeysTests
{
    private static readonly Guid PersonId = Guid.Parse("3f2a9c1e-0000-4000-8000-000000000001");

    [Theory]
    [InlineData("Li Wei", "li-wei")]
    [InlineData("  Wang   Fang ", "wang-fang")]
    [InlineData("José Núñez", "jose-nunez")]
    [InlineData("O'Brien, Pat (CFO)", "o-brien-pat-cfo")]
    [InlineData("李伟 David", "david")]
    public void Slug_LatinName_IsLowerCaseAsciiWithHyphens(string name, string expected) =>
        InfluenceKeys.Slug(name, PersonId).ShouldBe(expected);

    [Theory]
    [InlineData("李伟")]
    [InlineData("王 芳")]
    [InlineData("2024")]
    public void Slug_NameWithoutAsciiLetters_UsesThePersonId(string name) =>
        InfluenceKeys.Slug(name, PersonId).ShouldBe("p-3f2a9c1e");

    [Fact]
    public void Slug_VeryLongName_FitsTheKeyColumnWithRoomForASuffix()
    {
        var slug = InfluenceKeys.Slug(new string('a', 300), PersonId);

        slug.Length.ShouldBeLessThanOrEqualTo(Domain.BuyingInfluences.BuyingInfluence.KeyMaxLength - 8);
    }

    [Fact]
    public void Unique_TakenKey_AddsTheFirstFreeNumber()
    {
        InfluenceKeys.Unique("li-wei", new HashSet<string>()).ShouldBe("li-wei");
        InfluenceKeys.Unique("li-wei", new HashSet<string> { "li-wei" }).ShouldBe("li-wei-2");
        InfluenceKeys.Unique("li-wei", new HashSet<string> { "li-wei", "li-wei-2" }).ShouldBe("li-wei-3");
    }
}
