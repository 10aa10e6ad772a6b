using System.Security.Cryptography;
using System.Text;
using KeySell.Application.Calendar;

namespace KeySell.Application.Tests.Calendar;

/// <summary>The calendar link's secret: random, URL-safe, stored only as its hash.</summary>
public sealed class CalendarLinkTests
{
    [Fact]
    public void NewSecret_TwoCalls_AreDifferentUrlSafe43Characters()
    {
        var one = CalendarLink.NewSecret();
        var two = CalendarLink.NewSecret();

        one.ShouldNotBe(two);
        one.Length.ShouldBe(43); // 32 bytes in unpadded base64url
        one.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
    }

    [Fact]
    public void HashOf_Secret_IsTheSha256OfItsBytes()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var secret = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        CalendarLink.HashOf(secret).ShouldBe(SHA256.HashData(bytes));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")] // right length, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // one character too many
    public void HashOf_NotASecret_IsNull(string? text) => CalendarLink.HashOf(text).ShouldBeNull();

    [Fact]
    public void Matches_SameAndOtherHash_ComparesTheBytes()
    {
        var secret = CalendarLink.NewSecret();
        var link = new CalendarLink { SecretHash = CalendarLink.HashOf(secret)! };

        link.Matches(CalendarLink.HashOf(secret)!).ShouldBeTrue();
        link.Matches(CalendarLink.HashOf(CalendarLink.NewSecret())!).ShouldBeFalse();
        link.Matches(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ShouldBeFalse();
    }
}
