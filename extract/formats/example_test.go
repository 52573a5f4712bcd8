package formats_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract/formats"
)

func ExampleRead() {
	data, err := os.ReadFile("testdata/gov-gbk.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	t, err := formats.Read("gov-gbk.html", data, formats.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(string(t.Data), "\n")
	fmt.Println(t.Kind)
	fmt.Println(lines[0])
	fmt.Println(lines[2])

	_, err = formats.Read("report.docx", []byte("这不是压缩文件"), formats.Limits{})
	fmt.Println(kg.ErrorCode(err), kg.ErrorMessage(err))
	// Output:
	// html
	// 合肥高新区2023年重点工作完成情况
	// 2023年，合肥高新区全年完成地区生产总值1563亿元，同比增长7.8%；规上工业增加值同比增长11.2%。
	// undecodable report.docx: named .docx but is not a zip archive
}
