using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Models;
using KeySell.Application.RelationshipMap;
using KeySell.Domain.BuyingInfluences;

namespace KeySell.Web.Components.RelationshipMap;

/// <summary>A person on the diagram, drawn in the SVG layer (so the exported SVG holds the whole map) and sized by influence.</summary>
public sealed class PersonNode : SvgNodeModel
{
    public PersonNode(MapNode person) : base(person.PersonId.ToString(), new Point(person.Position.X, person.Position.Y))
    {
        Person = person;
        Size = new Size(WidthOf(person.Influence), HeightOf(person.Influence));
    }

    public MapNode Person { get; }

    // The node's size is ours, not measured in the browser: links attach to the shape it gives.
    public override IShape GetShape() => Shapes.Rectangle(this);

    /// <summary>Degree of influence as size: high is the widest, unknown the same as low.</summary>
    public static double WidthOf(InfluenceLevel influence) => influence switch
    {
        InfluenceLevel.High => 196,
        InfluenceLevel.Medium => 174,
        _ => 156,
    };

    public static double HeightOf(InfluenceLevel influence) => influence switch
    {
        InfluenceLevel.High => 88,
        InfluenceLevel.Medium => 80,
        _ => 74,
    };
}

/// <summary>A reporting line (solid, dashed when it skips people not on the map) or an informal line (arrow "from listens to to").</summary>
public sealed class MapLine : LinkModel
{
    public MapLine(MapEdge edge, PersonNode from, PersonNode to) : base(from, to)
    {
        Edge = edge;
        if (edge.Kind == MapEdgeKind.Informal) TargetMarker = LinkMarker.Arrow;
        Width = edge.Kind == MapEdgeKind.Reporting ? 1.5 : edge.Strength switch
        {
            LineStrength.Strong => 4,
            LineStrength.Medium => 2.5,
            _ => 1.5,
        };
        Color = edge.Kind == MapEdgeKind.Reporting ? "#78909c" : "#6a1b9a";
        Locked = true;
    }

    public MapEdge Edge { get; }

    /// <summary>SVG dash pattern: a reporting line that skips people, and a weak informal line.</summary>
    public string? Dashes => Edge switch
    {
        { Kind: MapEdgeKind.Reporting, Skips: true } => "6 4",
        { Kind: MapEdgeKind.Informal, Strength: LineStrength.Weak } => "2 3",
        _ => null,
    };
}
