/// Made-up personal data and free text for private fields and open questions. Nothing here is a
/// real person; the addresses use the reserved `example.org` domain.
enum FakeData {
  static let givenNames = [
    "Ana", "Luis", "Maya", "Omar", "Grace", "Tomás", "Aisha", "Wei", "Rosa", "Jamal", "Lena",
    "Diego", "Fatima", "Noah", "Priya", "Kofi",
  ]
  static let familyNames = [
    "García", "Okafor", "Nguyen", "Smith", "Kowalski", "Haddad", "Martínez", "Chen", "Johnson",
    "Silva", "Müller", "O'Brien",
  ]
  static let remarks = [
    "More meetings in the evening, please",
    "The laundry room is where I meet people",
    "I work two jobs, so weekends are hard",
    "We need a place to meet that isn't a café",
    "Thanks for organizing this",
    "The bus stopped running after 9 pm, so I can't come",
    "Childcare at meetings would help",
    "I moved here last year and don't know anyone yet",
    "Rent went up again; some neighbours had to leave",
    "El centro comunitario cerró y no hay dónde reunirse",
    "Quiero participar más, pero trabajo de noche",
    "Me gustaría conocer a mis vecinos",
    "Our \"community room\" is always locked",
    "Too many ads everywhere; nothing free to do",
    "Line one\nline two: I wrote this on two lines",
  ]

  static func name(person: Int) -> String {
    givenNames[person % givenNames.count] + " "
      + familyNames[(person / givenNames.count) % familyNames.count]
  }

  static func email(person: Int) -> String { "member\(person)@example.org" }

  static func phone(person: Int) -> String {
    let digits = String(1_000_000 + (person * 7919) % 9_000_000)
    return "+1 555 " + digits.prefix(3) + " " + digits.suffix(4)
  }
}
