using System.Globalization;
using KeySell.Web.Components.Shared;

namespace KeySell.Web.Tests.Shell;

/// <summary>The one support colour scale: what a seller sees on every chip, map node and export.</summary>
public class SupportScaleTests
{
    [Theory]
    [InlineData(-5)]
    [InlineData(-3)]
    [InlineData(-1)]
    public void Colours_AgainstUs_AreRed(int support)
    {
        var (r, g, b) = Rgb(SupportScale.Colours(support).Background);
        r.ShouldBeGreaterThan(g);
        r.ShouldBeGreaterThan(b);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Colours_ForUs_AreGreen(int support)
    {
        var (r, g, b) = Rgb(SupportScale.Colours(support).Background);
        g.ShouldBeGreaterThan(r);
        g.ShouldBeGreaterThan(b);
    }

    [Fact]
    public void Colours_Neutral_IsGrey()
    {
        var (r, g, b) = Rgb(SupportScale.Colours(0).Background);
        r.ShouldBe(g);
        g.ShouldBe(b);
    }

    [Fact]
    public void Colours_StrongerSupport_NeverLighterThanWeakerOnItsSide()
    {
        // The further from neutral, the deeper the colour: luminance falls monotonically on each side.
        for (var s = 1; s < 5; s++)
        {
            Luminance(SupportScale.Colours(s + 1).Background).ShouldBeLessThan(Luminance(SupportScale.Colours(s).Background));
            Luminance(SupportScale.Colours(-s - 1).Background).ShouldBeLessThan(Luminance(SupportScale.Colours(-s).Background));
        }
    }

    [Theory]
    [InlineData(-5)] [InlineData(-4)] [InlineData(-3)] [InlineData(-2)] [InlineData(-1)] [InlineData(0)]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)]
    public void Colours_EveryValue_KeepsTheNumberReadableAtAa(int support)
    {
        var (background, foreground) = SupportScale.Colours(support);
        var (light, dark) = (Math.Max(Luminance(background), Luminance(foreground)), Math.Min(Luminance(background), Luminance(foreground)));
        ((light + 0.05) / (dark + 0.05)).ShouldBeGreaterThanOrEqualTo(4.5);
    }

    [Fact]
    public void Style_UnknownSupport_HasNoColourOfTheScale() => SupportScale.Style(null).ShouldBeNull();

    [Fact]
    public void Colours_OutsideTheScale_TakeTheNearestEnd()
    {
        SupportScale.Colours(9).ShouldBe(SupportScale.Colours(5));
        SupportScale.Colours(-9).ShouldBe(SupportScale.Colours(-5));
    }

    private static (int R, int G, int B) Rgb(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber));

    // WCAG 2.1 relative luminance.
    private static double Luminance(string hex)
    {
        var (r, g, b) = Rgb(hex);
        static double Channel(int c)
        {
            var v = c / 255.0;
            return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(r) + 0.7152 * Channel(g) + 0.0722 * Channel(b);
    }
}
