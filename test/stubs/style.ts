// CSS imports resolve to nothing in jsdom: tests assert on text and structure, not on styles.
export default {}
