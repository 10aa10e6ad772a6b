using KeySell.Web.Exports;

namespace KeySell.Web.Tests.Exports;

/// <summary>Every start a spreadsheet reads as a formula gets the apostrophe; everything else is left as typed.</summary>
public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+86 21 5555 0100", "'+86 21 5555 0100")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-3", "'-3")] // a number typed as text is text: guarded (a real number never passes through here)
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("=王芳", "'=王芳")]
    [InlineData("－全角减号", "－全角减号")] // a full-width minus is not a formula sign
    [InlineData("王芳", "王芳")]
    [InlineData("Li Wei", "Li Wei")]
    [InlineData("1+1", "1+1")]
    [InlineData(" =1+1", " =1+1")]
    [InlineData("a=b", "a=b")]
    [InlineData("'=already quoted", "'=already quoted")]
    [InlineData("", "")]
    public void Text_LeadingCharacter_GuardedOnlyWhenASpreadsheetWouldCalculate(string text, string stored) =>
        FormulaGuard.Text(text).ShouldBe(stored);

    [Fact]
    public void Text_Null_StaysNull() => FormulaGuard.Text(null).ShouldBeNull();
}
