using KeySell.Application.RedFlags;
using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Components.Opportunities;

/// <summary>The sheet's names for red-flag ids (没有教练, 技术把关者可能否决…); the method's enums are labelled by <c>MethodLabels</c>.</summary>
public static class SheetLabels
{
    // The names live with the flags' messages (RedFlagWords), so the sheet, the review and the drills name a rule alike.
    public static string RedFlag(this IStringLocalizer<SheetText> text, string id) =>
        RedFlagWords.Current.Name(id);
}
