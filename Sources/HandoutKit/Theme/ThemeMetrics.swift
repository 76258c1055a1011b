/// The distances and proportions every page uses that are not words or colors, in points unless
/// said otherwise: one place to read and change them, beside the theme that holds them. Layout
/// files do not set these yet; `Theme.standard` carries the defaults.
public struct ThemeMetrics: Equatable, Sendable {
    /// Line height, times the font's, of text whose spacing the layout's `spacing.line` does not set.
    public struct LineSpacing: Equatable, Sendable {
        public var title = 1.1
        public var heading = 1.15
        public var small = 1.25
        public var subtitle = 1.2
        /// Header, footer and one-line labels.
        public var single = 1.0
    }

    /// The title block: title, summary and the rule under them.
    public struct Title: Equatable, Sendable {
        public var spaceAfterTitle = 6.0
        public var spaceAfterSummary = 8.0
        public var ruleWidth = 1.5
        public var spaceAfterRule = 14.0
    }

    /// `##` and `###` headings.
    public struct Headings: Equatable, Sendable {
        public var spaceBefore = 16.0
        public var spaceBeforeSubheading = 11.0
        public var spaceAfter = 4.0
        /// A `###` heading's size, times a `##` heading's.
        public var subheadingScale = 0.86
    }

    /// Bullet and numbered lists.
    public struct Lists: Equatable, Sendable {
        public var bulletWidth = 14.0
        /// The least column for "1." to "99."; a list with longer numbers gets a wider one.
        public var numberWidth = 20.0
        /// Least room between a list's widest number and the item's text.
        public var numberGap = 4.0
        public var spaceAfterItem = 3.0
        public var spaceBefore = 2.0
    }

    /// Block quotes, drawn as callouts; also the clinician's notes.
    public struct Callouts: Equatable, Sendable {
        public var padding = 10.0
        public var barWidth = 4.0
        public var cornerRadius = 3.0
        public var spaceBefore = 6.0
        public var spaceAfter = 10.0
        /// Taller than this share of the text block, a callout flows like ordinary text instead.
        public var largestShareOfPage = 0.9
    }

    /// Pictures and illustration placeholders.
    public struct Figures: Equatable, Sendable {
        public var spaceBefore = 8.0
        public var spaceAfter = 12.0
        public var captionGap = 5.0
        /// Sizes, largest first, a figure may shrink to rather than leave a gap at the foot of a page.
        public var scales = [1.0, 0.9, 0.8, 0.7, 0.6]
        /// A picture is never taller than this share of the text block.
        public var largestShareOfPage = 0.5
        /// A placeholder is this many times as wide as it is tall.
        public var placeholderAspect = 3.0
        public var placeholderInset = 24.0
    }

    /// Links on paper.
    public struct Links: Equatable, Sendable {
        /// The printed address after a link's words, times the text's size.
        public var addressScale = 0.8
    }

    /// The disclaimer and "Prepared for" boxes.
    public struct Boxes: Equatable, Sendable {
        public var disclaimerPadding = 9.0
        public var spaceBeforeDisclaimer = 18.0
        public var preparedForPadding = 10.0
        public var spaceAfterPreparedFor = 10.0
        /// Between a "Prepared for" label ("Procedure date") and its value.
        public var labelGap = 12.0
    }

    /// The running header and footer, measured from the text block.
    public struct Furniture: Equatable, Sendable {
        /// From the header text's foot to the top of the text block.
        public var headerGap = 16.0
        /// From the hairline under the header to the top of the text block.
        public var ruleGap = 10.0
        public var ruleWidth = 0.5
        /// From the foot of the text block to the footer's top.
        public var footerGap = 14.0
    }

    /// The booklet's cover and contents.
    public struct Booklet: Equatable, Sendable {
        public var coverTitleScale = 1.5
        public var coverSubtitleScale = 1.1
        public var spaceAfterClinicName = 40.0
        public var spaceAbovePinnedContact = 24.0
        public var contentsNumberWidth = 36.0
        public var contentsIndent = 16.0
        public var spaceBeforePartEntry = 10.0
        public var spaceBeforeHandoutEntry = 3.0
    }

    public var lineSpacing = LineSpacing()
    public var title = Title()
    public var headings = Headings()
    public var lists = Lists()
    public var callouts = Callouts()
    public var figures = Figures()
    public var links = Links()
    public var boxes = Boxes()
    public var furniture = Furniture()
    public var booklet = Booklet()

    public init() {}
}
