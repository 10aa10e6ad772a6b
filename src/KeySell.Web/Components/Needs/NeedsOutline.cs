using KeySell.Application.Needs;
using KeySell.Domain.Needs;
using KeySell.Domain.Common;
using KeySell.Domain.Sheets;

namespace KeySell.Web.Components.Needs;

/// <summary>One line of the outline editor: a problem at a depth (0 = a first-level branch, which names its layer).</summary>
public sealed class NeedRow
{
    /// <summary>The stored node's id once saved, so the next save keeps its row.</summary>
    public Guid? Id { get; set; }
    public int Depth { get; set; }
    public NeedLayer? Layer { get; set; }
    public string Problem { get; set; } = "";
    public string? Solution { get; set; }
    /// <summary>Where the last save sent it (<c>branches[0].children[1]</c>), to show the server's problems on the line.</summary>
    public string? Path { get; set; }
}

/// <summary>
/// The needs tree as an outline: a flat list of rows with depths, where a row's parent is the nearest row above it one
/// level up. Keyboard editing (Enter, Tab, Shift+Tab) moves depths, which a flat list makes simple and always valid:
/// the first row is at depth 0, no row is more than one level below the row above it, and no row is deeper than the
/// tree's limit.
/// </summary>
public sealed class NeedsOutline
{
    /// <summary>The deepest row's depth (the tree has at most <see cref="NeedsAnalysis.MaxDepth"/> levels).</summary>
    public const int MaxRowDepth = NeedsAnalysis.MaxDepth - 1;

    public List<NeedRow> Rows { get; } = [];
    public string? CurrentState { get; set; }

    public static NeedsOutline From(NeedsDetail detail)
    {
        var outline = new NeedsOutline { CurrentState = detail.CurrentState };
        foreach (var branch in detail.Branches) outline.AddFrom(branch, 0);
        return outline;
    }

    private void AddFrom(NeedItem item, int depth)
    {
        Rows.Add(new NeedRow { Id = item.Id, Depth = depth, Layer = item.Layer, Problem = item.Problem, Solution = item.Solution });
        foreach (var child in item.Children) AddFrom(child, depth + 1);
    }

    /// <summary>The row and everything under it: the rows that follow it deeper than it.</summary>
    public int SubtreeEnd(int index)
    {
        var end = index + 1;
        while (end < Rows.Count && Rows[end].Depth > Rows[index].Depth) end++;
        return end;
    }

    public bool CanIndent(int index)
    {
        if (index <= 0 || index >= Rows.Count || Rows[index].Depth > Rows[index - 1].Depth) return false;
        var deepest = Rows.Skip(index).Take(SubtreeEnd(index) - index).Max(r => r.Depth);
        return deepest < MaxRowDepth;
    }

    public bool CanOutdent(int index) => index >= 0 && index < Rows.Count && Rows[index].Depth > 0;

    /// <summary>Tab: the row (with what is under it) becomes the last child of the row above at its level.</summary>
    public bool Indent(int index)
    {
        if (!CanIndent(index)) return false;
        Shift(index, +1);
        return true;
    }

    /// <summary>Shift+Tab: the row (with what is under it) moves up a level; the siblings below it become its children.</summary>
    public bool Outdent(int index)
    {
        if (!CanOutdent(index)) return false;
        Shift(index, -1);
        if (Rows[index].Depth == 0) Rows[index].Layer ??= NextLayer();
        return true;
    }

    /// <summary>Enter: a new empty row after the row and what is under it, at its level; returns the new row's index.</summary>
    public int AddSiblingAfter(int index)
    {
        var depth = index < 0 || index >= Rows.Count ? 0 : Rows[index].Depth;
        var at = index < 0 || index >= Rows.Count ? Rows.Count : SubtreeEnd(index);
        Rows.Insert(at, new NeedRow { Depth = depth, Layer = depth == 0 ? NextLayer() : null });
        return at;
    }

    /// <summary>Removes the row and everything under it.</summary>
    public void Remove(int index)
    {
        if (index < 0 || index >= Rows.Count) return;
        Rows.RemoveRange(index, SubtreeEnd(index) - index);
    }

    /// <summary>A new first-level branch takes the first layer no branch covers yet: the tree should reach three.</summary>
    public NeedLayer NextLayer()
    {
        var used = Rows.Where(r => r.Depth == 0 && r.Layer is not null).Select(r => r.Layer!.Value).ToHashSet();
        return Enum.GetValues<NeedLayer>().FirstOrDefault(l => !used.Contains(l), NeedLayer.Finance);
    }

    private void Shift(int index, int by)
    {
        var end = SubtreeEnd(index);
        for (var i = index; i < end; i++) Rows[i].Depth += by;
    }

    /// <summary>
    /// The tree to save, and the rows sent in the order the answer lists them (depth first). A blank line nobody has
    /// typed into yet, with nothing under it, is left out: it is being written, not a problem to refuse.
    /// </summary>
    public (List<SaveNeeds.NodeInput> Branches, List<NeedRow> Sent) ToCommand()
    {
        var sent = new List<NeedRow>();
        var branches = Build(0, Rows.Count, 0, "branches", sent);
        return (branches, sent);
    }

    private List<SaveNeeds.NodeInput> Build(int from, int to, int depth, string path, List<NeedRow> sent)
    {
        var nodes = new List<SaveNeeds.NodeInput>();
        var i = from;
        while (i < to)
        {
            var row = Rows[i];
            var end = SubtreeEnd(i);
            if (row.Depth == depth && !(string.IsNullOrWhiteSpace(row.Problem) && end == i + 1))
            {
                row.Path = $"{path}[{nodes.Count}]";
                sent.Add(row);
                var children = Build(i + 1, end, depth + 1, row.Path + ".children", sent);
                nodes.Add(new SaveNeeds.NodeInput(row.Id, depth == 0 ? (row.Layer ?? NextLayer()).ToId() : null, row.Problem, row.Solution, children));
            }
            i = end;
        }
        return nodes;
    }

    /// <summary>The tree as the method judges it, so the ticks on screen are the engine's own checks of what would be saved.</summary>
    public SheetNeeds ToSheet()
    {
        return new SheetNeeds(CurrentState, Level(0, Rows.Count, 0));

        List<SheetNeed> Level(int from, int to, int depth)
        {
            var level = new List<SheetNeed>();
            var i = from;
            while (i < to)
            {
                var end = SubtreeEnd(i);
                var row = Rows[i];
                if (row.Depth == depth && !(string.IsNullOrWhiteSpace(row.Problem) && end == i + 1))
                    level.Add(new SheetNeed(depth == 0 ? row.Layer : null, row.Problem, Level(i + 1, end, depth + 1), row.Solution));
                i = end;
            }
            return level;
        }
    }
}
