using KeySell.Application.Common;
using KeySell.Web.Components.Opportunities;

namespace KeySell.Web.Tests.StrategySheet;

public class SaveTrackerTests
{
    [Fact]
    public async Task SaveAsync_Succeeds_ShowsSaved()
    {
        var tracker = new SaveTracker();
        var slot = tracker.NewSlot();

        await tracker.SaveAsync(slot, () => Task.FromResult<Error?>(null));

        tracker.Overall.ShouldBe(SaveState.Saved);
    }

    [Fact]
    public async Task SaveAsync_Conflict_StopsFurtherSavesUntilReload()
    {
        var tracker = new SaveTracker();
        var slot = tracker.NewSlot();
        var calls = 0;

        await tracker.SaveAsync(slot, () => { calls++; return Task.FromResult<Error?>(Error.Conflict("changed by someone")); });
        await tracker.SaveAsync(slot, () => { calls++; return Task.FromResult<Error?>(null); });

        calls.ShouldBe(1);
        tracker.Overall.ShouldBe(SaveState.Conflict);
        tracker.ConflictMessage.ShouldBe("changed by someone");
    }

    [Fact]
    public async Task SaveAsync_EditDuringSave_SavesOnceMoreWithTheLatestDraft()
    {
        var tracker = new SaveTracker();
        var slot = tracker.NewSlot();
        var gate = new TaskCompletionSource();
        var sent = new List<int>();
        var draft = 1;

        var first = tracker.SaveAsync(slot, async () => { sent.Add(draft); if (sent.Count == 1) await gate.Task; return null; });
        draft = 2;
        await tracker.SaveAsync(slot, () => { sent.Add(-1); return Task.FromResult<Error?>(null); });
        draft = 3;
        gate.SetResult();
        await first;

        sent.ShouldBe([1, 3]);
        tracker.Overall.ShouldBe(SaveState.Saved);
    }

    [Fact]
    public async Task SaveAsync_Invalid_KeepsFieldMessagesForTheirInputs()
    {
        var tracker = new SaveTracker();
        var slot = tracker.NewSlot();
        var error = new Error(ErrorKind.Validation, "invalid", new Dictionary<string, string[]>
        {
            ["support"] = ["Must be between -5 and 5."],
            ["wins[1]"] = ["Too long."],
        });

        await tracker.SaveAsync(slot, () => Task.FromResult<Error?>(error));

        tracker.Overall.ShouldBe(SaveState.Invalid);
        slot.MessagesFor("support").ShouldBe(["Must be between -5 and 5."]);
        slot.MessagesFor("wins").ShouldBe(["Too long."]);
        slot.HasError("contact").ShouldBeFalse();
    }
}
