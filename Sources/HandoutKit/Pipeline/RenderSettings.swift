/// What every rendering thread shares: the checked layout and clinic, and where content lives.
public struct RenderSettings: Sendable {
    public var theme: Theme
    public var clinic: Clinic
    public var workspace: Workspace
}
