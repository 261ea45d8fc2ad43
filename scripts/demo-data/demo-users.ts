/** Demo accounts for the illustrative data set. All share one password, shown on the demo login page. */

export const DEMO_PASSWORD = "demo-2025";

export interface DemoUser {
  email: string;
  name: string;
  role: "admin" | "council" | "unit_officer";
  unitCode?: string;
  unitName?: string;
}

export const demoUsers: DemoUser[] = [
  { email: "admin@demo.parindex.vn", name: "Lường Thị Hạnh (Sở Nội vụ)", role: "admin" },
  { email: "council@demo.parindex.vn", name: "Cầm Văn Phong (Tổ thư ký Hội đồng thẩm định)", role: "council" },
  {
    email: "noivu@demo.parindex.vn",
    name: "Nguyễn Thị Thu Trang",
    role: "unit_officer",
    unitCode: "so-noi-vu",
    unitName: "Sở Nội vụ",
  },
  {
    email: "tuphap@demo.parindex.vn",
    name: "Lò Văn Hùng",
    role: "unit_officer",
    unitCode: "so-tu-phap",
    unitName: "Sở Tư pháp",
  },
  {
    email: "taichinh@demo.parindex.vn",
    name: "Hoàng Minh Tuấn",
    role: "unit_officer",
    unitCode: "so-tai-chinh",
    unitName: "Sở Tài chính",
  },
  {
    email: "yte@demo.parindex.vn",
    name: "Quàng Thị Mai",
    role: "unit_officer",
    unitCode: "so-y-te",
    unitName: "Sở Y tế",
  },
  {
    email: "dantoc@demo.parindex.vn",
    name: "Vì Văn Sơn",
    role: "unit_officer",
    unitCode: "ban-dan-toc",
    unitName: "Ban Dân tộc",
  },
];
